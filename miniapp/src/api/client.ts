/**
 * The one HTTP client of the micro-app. Every Liucai response is an envelope (`{ ok, data }` or `{ ok, error }`);
 * this module unwraps it and turns every failure — server error, non-JSON answer, network failure — into an
 * `ApiError` with a stable id and a message that is safe to show.
 */
import type { ApiEnvelope } from '@liucai/shared';

/** A failed API call: `id` is the server's stable error id (or a client-side one such as `network_error`). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly id: string,
    message: string,
    /** HTTP status; 0 when the request never got an answer. */
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** True when the error means "no session": the caller should go to the sign-in page. */
export function isUnauthenticated(err: unknown): boolean {
  return err instanceof ApiError && (err.status === 401 || err.id === 'unauthenticated');
}

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  /** Prefix for paths, e.g. `http://127.0.0.1:3000` in tests; '' (same origin) in the app. */
  baseUrl?: string;
  fetch?: FetchLike;
}

export interface ApiClient {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  put<T>(path: string, body?: unknown): Promise<T>;
  delete<T>(path: string): Promise<T>;
  /** POST a file as the raw request body (not JSON), with extra headers such as the file name. */
  upload<T>(path: string, file: Blob, headers?: Record<string, string>): Promise<T>;
  /**
   * GET a file (a template, an error file) as a Blob with the name the server gave it; a failure answers the same
   * ApiError as any call, so the page can say why instead of the browser silently cancelling a download.
   */
  download(path: string): Promise<DownloadedFile>;
  /** Called (once per failing request) whenever a request answers 401; returns an unsubscribe function. */
  onUnauthenticated(listener: (err: ApiError) => void): () => void;
}

/** A downloaded file: its bytes and the file name from Content-Disposition (null when none was given). */
export interface DownloadedFile {
  blob: Blob;
  fileName: string | null;
}

/** The file name of a Content-Disposition header: RFC 5987 `filename*=UTF-8''…` first, then `filename="…"`. */
export function dispositionFileName(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall back to the plain name
    }
  }
  return /filename\s*=\s*"?([^";]+)"?/i.exec(header)?.[1]?.trim() ?? null;
}

function isEnvelope(value: unknown): value is ApiEnvelope<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: unknown };
  if (v.ok === true) return 'data' in value;
  return v.ok === false && typeof v.error === 'object' && v.error !== null;
}

function statusMessage(status: number): string {
  if (status === 401) return '登录已失效，请重新登录';
  if (status === 403) return '没有权限执行此操作';
  if (status === 404) return '请求的内容不存在';
  if (status === 429) return '请求过于频繁，请稍后再试';
  if (status >= 500) return `服务器暂时不可用（HTTP ${status}），请稍后再试`;
  return `请求失败（HTTP ${status}）`;
}

/** Creates a client; the app uses the default one below, tests point one at a local server. */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = options.baseUrl ?? '';
  const listeners = new Set<(err: ApiError) => void>();

  async function request<T>(method: string, path: string, body?: unknown, raw?: { file: Blob; headers: Record<string, string> }, asFile = false): Promise<T> {
    const doFetch: FetchLike | undefined = options.fetch ?? (typeof fetch === 'function' ? fetch.bind(globalThis) : undefined);
    if (!doFetch) throw new ApiError('network_error', '当前环境不支持网络请求', 0);
    const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json' } };
    if (raw) {
      init.headers = { accept: 'application/json', ...raw.headers };
      init.body = raw.file;
    } else if (body !== undefined) {
      init.headers = { accept: 'application/json', 'content-type': 'application/json' };
      init.body = JSON.stringify(body);
    }

    let res: Response;
    try {
      res = await doFetch(baseUrl + path, init);
    } catch (cause) {
      throw new ApiError('network_error', '网络连接失败，请检查网络后重试', 0, String(cause));
    }

    const jsonAnswer = (res.headers.get('content-type') ?? '').includes('application/json');
    if (asFile && res.ok && !jsonAnswer) {
      try {
        return { blob: await res.blob(), fileName: dispositionFileName(res.headers.get('content-disposition')) } as T;
      } catch (cause) {
        throw new ApiError('network_error', '下载中断，请检查网络后重试', 0, String(cause));
      }
    }
    const text = await res.text().catch(() => '');
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }

    let err: ApiError;
    if (isEnvelope(parsed)) {
      if (parsed.ok) {
        // A 2xx envelope is the only success; an `ok: true` body with an error status is still an error.
        if (res.ok) return parsed.data as T;
        err = new ApiError('bad_response', statusMessage(res.status), res.status);
      } else {
        const e = parsed.error;
        const id = typeof e.id === 'string' && e.id ? e.id : 'unknown_error';
        const message = typeof e.message === 'string' && e.message ? e.message : statusMessage(res.status);
        err = new ApiError(id, message, res.status || 0, e.details);
      }
    } else {
      err = new ApiError(res.ok ? 'bad_response' : `http_${res.status}`, res.ok ? '服务器返回了无法识别的数据' : statusMessage(res.status), res.status);
    }
    if (res.status === 401) for (const l of listeners) l(err);
    throw err;
  }

  return {
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body ?? {}),
    put: (path, body) => request('PUT', path, body ?? {}),
    delete: (path) => request('DELETE', path),
    upload: (path, file, headers = {}) => request('POST', path, undefined, { file, headers }),
    download: (path) => request<DownloadedFile>('GET', path, undefined, undefined, true),
    onUnauthenticated(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The app's same-origin client (cookie session). */
export const api = createApiClient();

/** GET `path` and return the envelope's data. */
export const apiGet = <T>(path: string): Promise<T> => api.get<T>(path);
/** POST JSON `body` to `path` and return the envelope's data. */
export const apiPost = <T>(path: string, body?: unknown): Promise<T> => api.post<T>(path, body);
/** PUT JSON `body` to `path` and return the envelope's data. */
export const apiPut = <T>(path: string, body?: unknown): Promise<T> => api.put<T>(path, body);
/** DELETE `path` and return the envelope's data. */
export const apiDelete = <T>(path: string): Promise<T> => api.delete<T>(path);

/** POST `file` as the raw body of `path` and return the envelope's data. */
export const apiUpload = <T>(path: string, file: Blob, headers?: Record<string, string>): Promise<T> => api.upload<T>(path, file, headers);

/** GET a file from `path` (see `ApiClient.download`). */
export const apiDownload = (path: string): Promise<DownloadedFile> => api.download(path);

/** A message for any thrown value, for Toasts and error blocks. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error && err.message) return err.message;
  return '发生未知错误，请稍后再试';
}
