/**
 * Downloads through the API client instead of a bare link: the file is fetched, then saved from a Blob, so a
 * failure (a 500, an expired session, the network) is shown on the page in Chinese rather than the browser silently
 * cancelling the download.
 */
import { useCallback, useRef, useState } from 'react';
import { apiDownload, errorMessage } from '../api/client';

/** Save a Blob under `name` through a temporary link (what a normal download would have done). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export interface FileDownload {
  /** Fetch `url` and save it (under the server's file name, else `fallbackName`). */
  download(url: string, fallbackName: string): Promise<void>;
  /** The url being fetched, if any. */
  pending: string | null;
  /** Why the last download failed (null after a success or `clear`). */
  error: string | null;
  clear(): void;
}

export function useFileDownload(): FileDownload {
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const download = useCallback(async (url: string, fallbackName: string) => {
    const token = ++seq.current;
    setPending(url);
    setError(null);
    try {
      const file = await apiDownload(url);
      if (seq.current === token) saveBlob(file.blob, file.fileName ?? fallbackName);
    } catch (err) {
      if (seq.current === token) setError(errorMessage(err));
    } finally {
      if (seq.current === token) setPending(null);
    }
  }, []);
  const clear = useCallback(() => {
    seq.current++;
    setError(null);
    setPending(null);
  }, []);
  return { download, pending, error, clear };
}
