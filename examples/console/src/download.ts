/**
 * Hands a file made in the page to the browser as a download: a Blob and a
 * link with the `download` attribute, clicked once and taken away. Nothing
 * goes through a cookie or a second request, so the file is exactly what the
 * API answered, with the token the console already sends.
 */
export function downloadFile(filename: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  // NOTE: in the document while it is clicked: some browsers ignore a click on a detached link.
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download reads the Blob after this task: the URL is let go a while later, not at once.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** A CSV the API made (`{ filename, content }`, its BOM included) downloaded; what to say once it is. */
export function downloadCsv(file: { filename: string; content: string }): string {
  downloadFile(file.filename, file.content, 'text/csv;charset=utf-8');
  return `Scaricato il file ${file.filename}.`;
}
