import { ok, type ApiClient } from './api-client';

/** The file as the API's multipart upload (the browser's file name and type are not trusted there). */
export function uploadImage(client: ApiClient, file: File, name = 'photo') {
  return ok(
    client.POST('/api/v1/uploads', {
      body: { file: '' },
      bodySerializer: () => {
        const form = new FormData();
        form.append('file', file, name);
        return form;
      },
    }),
  );
}

/** A file the form sent, or null when the field was left empty. */
export function chosenFile(data: FormData, name: string): File | null {
  const value = data.get(name);
  return value instanceof File && value.size > 0 ? value : null;
}
