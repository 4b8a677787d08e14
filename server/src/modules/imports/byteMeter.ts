import { Transform, type Readable, type TransformCallback } from 'node:stream';
import type { AppError } from '../../errors';
import { badImportFile, importTooLarge } from './importErrors';

/**
 * Counts upload bytes as they are read (the progress bar) and stops at the size limit or when the client goes
 * away. It then ends its output instead of erroring, because exceljs does not pass a piped stream's error on to
 * its unzipper (the read would hang); whoever reads it checks `failure` once the data ends.
 */
export class ByteMeter extends Transform {
  bytes = 0;
  failure: AppError | null = null;

  constructor(
    private readonly source: Readable,
    private readonly limit: number,
  ) {
    super();
    const lost = () => this.stop(badImportFile('上传中断：连接在文件传完之前断开了'));
    source.on('aborted', lost);
    source.on('error', lost);
    source.on('close', () => {
      if (!source.readableEnded) lost();
    });
    source.pipe(this);
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    if (this.failure) return done();
    this.bytes += chunk.length;
    if (this.bytes > this.limit) {
      this.stop(importTooLarge());
      return done();
    }
    done(null, chunk);
  }

  /** Throw the reason the upload stopped early, if it did. */
  assertComplete(): void {
    if (this.failure) throw this.failure;
  }

  private stop(err: AppError): void {
    if (this.failure) return;
    this.failure = err;
    this.source.unpipe(this);
    this.source.resume(); // drain the rest so the client can read our answer
    this.push(null);
  }
}
