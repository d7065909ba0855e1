import type { FormDefinition } from '@/lib/forms/form-definition';
import { isFile } from '@/lib/forms/form-data';
import type { UploadedFile } from './submit-form';

/** The files posted for the form's file fields (empty file inputs send a nameless, empty entry). */
export async function uploadedFiles(form: Pick<FormDefinition, 'fields'>, data: FormData): Promise<UploadedFile[]> {
  const out: UploadedFile[] = [];
  for (const f of form.fields.filter((x) => x.type === 'file')) {
    for (const v of data.getAll(`f_${f.key}`)) {
      if (!isFile(v) || v.size === 0) continue;
      out.push({ field: f.key, filename: v.name, contentType: v.type, content: Buffer.from(await v.arrayBuffer()) });
    }
  }
  return out;
}
