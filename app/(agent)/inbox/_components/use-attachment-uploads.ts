'use client';

import { useState } from 'react';
import { useStoredText } from '@/app/_components/stored-text';

export type UploadedFile = { token: string; filename: string; size: number };

/**
 * Files attached to a draft: each is uploaded at once (POST /attachments) and kept as the signed
 * receipt the reply cites. Refusals (too large, executables) come back as message keys, said in the agent's language.
 */
export function useAttachmentUploads(failedMessage: string) {
  const refusal = useStoredText('serverErrors');
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [uploading, setUploading] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const add = async (list: FileList | File[]) => {
    setError(null);
    await Promise.all(
      Array.from(list).map(async (file) => {
        setUploading((n) => n + 1);
        try {
          const res = await fetch('/attachments', {
            method: 'POST',
            headers: { 'content-type': file.type || 'application/octet-stream', 'x-filename': encodeURIComponent(file.name) },
            body: file,
          });
          const json = (await res.json()) as UploadedFile & { error?: string };
          if (!res.ok) setError(`${file.name}: ${json.error ? refusal(json.error) : failedMessage}`);
          else setFiles((fs) => [...fs, { token: json.token, filename: json.filename, size: json.size }]);
        } catch {
          setError(`${file.name}: ${failedMessage}`);
        } finally {
          setUploading((n) => n - 1);
        }
      }),
    );
  };
  const remove = (token: string) => setFiles((fs) => fs.filter((f) => f.token !== token));
  const clear = () => {
    setFiles([]);
    setError(null);
  };
  return { files, uploading: uploading > 0, error, add, remove, clear };
}
