import { FormEditorLoader } from '../_components/form-editor-loader';

export default async function FormEditorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <FormEditorLoader id={id === 'new' ? null : Number(id) || -1} />;
}
