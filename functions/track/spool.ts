import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { open, readdir, readFile, stat, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { TaglineEvent } from '../../shared/events';
import type { Logger } from '../../shared/logger';
import { counter, gauge, zeroed } from '../../shared/metrics';
import type { Json } from '../../shared/store';

export interface SpoolOptions {
  /** The directory of the segment files (an emptyDir volume on a cluster). */
  dir: string;
  /** The most bytes the segments may hold; beyond it an event is dropped (and counted). */
  maxBytes: number;
  /**
   * Hand a spooled event on (to the Broker or the store queue); resolves false when neither
   * took it, and the replay stops there and tries again later.
   */
  handOff: (event: TaglineEvent) => Promise<boolean>;
  /** Turns an event read back from a segment into an event, or undefined when it is not one. */
  parse: (record: Json) => TaglineEvent | undefined;
  logger: Logger;
  /** The first retry delay of a replay that could not hand everything off (doubles up to 10 s). */
  retryMs?: number;
}

export const SPOOL_OUTCOMES = ['spooled', 'replayed', 'dropped'] as const;

const spoolEvents = zeroed(
  counter('tagline_track_spool_events_total', 'Events written to the local disk spool because the Broker and the store were both unreachable, replayed from it, or dropped because it was full or unwritable', ['outcome']),
  SPOOL_OUTCOMES.map((outcome) => ({ outcome })),
);
const spoolBytes = gauge('tagline_track_spool_bytes', 'Bytes the local disk spool holds now');
const spoolCapacity = gauge('tagline_track_spool_capacity_bytes', 'The most bytes the local disk spool may hold (TRACK_SPOOL_MAX_BYTES)');

const SEGMENT_SUFFIX = '.spool';
const SEGMENT_BYTES = 1024 * 1024;
const MAX_RETRY_MS = 10_000;

interface Pending {
  line: Buffer;
  resolve: (kept: boolean) => void;
}

/**
 * track's last resort when neither the Broker nor the store can take a billable event: an
 * append-only spool of JSON lines on local disk, bounded in bytes. A record is fsync'd before its
 * `append` resolves, so a pixel answered after it survives a crash of the process; appends of one
 * event-loop turn share one write and one fsync (group commit). Segments are replayed, oldest
 * first, on a backing-off timer while any exist, including those a previous process left behind,
 * and a segment is deleted once every record in it was handed off. A replay stopped half-way
 * hands the first records off again next time: consumers are idempotent on the event ids.
 */
export class Spool {
  private pending: Pending[] = [];
  private pendingBytes = 0;
  private committing: Promise<void> | undefined;
  private active: { name: string; handle: FileHandle; bytes: number } | undefined;
  /** Bytes in every segment, the active one included. */
  private bytes = 0;
  private replaying: Promise<{ replayed: number; remaining: number }> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryMs: number;
  private readonly firstRetryMs: number;

  constructor(private readonly options: SpoolOptions) {
    mkdirSync(options.dir, { recursive: true });
    this.firstRetryMs = options.retryMs ?? 1000;
    this.retryMs = this.firstRetryMs;
    spoolCapacity.set(options.maxBytes);
    this.measure().then(
      (segments) => {
        if (segments > 0) this.scheduleReplay();
      },
      (err: unknown) => options.logger.error('spool directory unreadable', { dir: options.dir, err }),
    );
  }

  /** Append `event` and fsync it; resolves false (and counts a drop) when the spool is full or the disk fails. */
  append(event: TaglineEvent): Promise<boolean> {
    const line = Buffer.from(`${JSON.stringify(event)}\n`, 'utf8');
    if (this.bytes + this.pendingBytes + line.length > this.options.maxBytes) {
      spoolEvents.inc({ outcome: 'dropped' });
      this.options.logger.error('event dropped: the spool is full', { type: event.type, id: event.id, maxBytes: this.options.maxBytes });
      return Promise.resolve(false);
    }
    return new Promise((resolve) => {
      this.pending.push({ line, resolve });
      this.pendingBytes += line.length;
      this.committing ??= new Promise<void>((done) => setImmediate(done)).then(() => this.commit());
    });
  }

  /** Hand off every segment but the one being written to; stops at the first event nothing takes. */
  replay(): Promise<{ replayed: number; remaining: number }> {
    this.replaying ??= this.replayAll().finally(() => (this.replaying = undefined));
    return this.replaying;
  }

  /** Bytes the spool holds now. */
  get size(): number {
    return this.bytes;
  }

  /** Write and fsync everything appended so far, a batch per round, until nothing is pending. */
  private async commit(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending;
      const size = this.pendingBytes;
      this.pending = [];
      this.pendingBytes = 0;
      let kept = false;
      try {
        const segment = await this.segment();
        await segment.handle.write(Buffer.concat(batch.map((p) => p.line), size));
        await segment.handle.datasync();
        segment.bytes += size;
        this.bytes += size;
        if (segment.bytes >= SEGMENT_BYTES) await this.seal();
        kept = true;
      } catch (err) {
        this.options.logger.error('events dropped: the spool could not be written', { dir: this.options.dir, events: batch.length, err });
        await this.seal().catch(() => undefined);
      }
      spoolEvents.inc({ outcome: kept ? 'spooled' : 'dropped' }, batch.length);
      spoolBytes.set(this.bytes);
      for (const p of batch) p.resolve(kept);
    }
    this.committing = undefined;
    this.scheduleReplay();
  }

  /** The segment being written to, created (and its directory entry fsync'd) when there is none. */
  private async segment(): Promise<{ name: string; handle: FileHandle; bytes: number }> {
    if (this.active !== undefined) return this.active;
    const name = `${Date.now().toString().padStart(15, '0')}-${process.pid}-${randomBytes(4).toString('hex')}${SEGMENT_SUFFIX}`;
    const handle = await open(join(this.options.dir, name), 'a');
    const dir = await open(this.options.dir, 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
    this.active = { name, handle, bytes: 0 };
    return this.active;
  }

  /** Close the segment being written to: the next append starts a new one, and replay may take it. */
  private async seal(): Promise<void> {
    const segment = this.active;
    this.active = undefined;
    await segment?.handle.close();
  }

  private async replayAll(): Promise<{ replayed: number; remaining: number }> {
    // Commits in flight finish first, then the segment they wrote is sealed for replay.
    while (this.committing !== undefined) await this.committing;
    await this.seal();
    let replayed = 0;
    for (const name of await this.segments()) {
      if (name === this.active?.name || writtenByAnother(name)) continue;
      const result = await this.replaySegment(name);
      replayed += result.replayed;
      if (!result.done) break;
    }
    await this.measure();
    return { replayed, remaining: this.bytes };
  }

  private async replaySegment(name: string): Promise<{ replayed: number; done: boolean }> {
    const path = join(this.options.dir, name);
    const text = await readFile(path, 'utf8');
    let replayed = 0;
    for (const line of text.split('\n')) {
      if (line === '') continue;
      const event = this.decode(line);
      if (event === undefined) {
        // A torn last line of a crashed write was never acknowledged: nothing to replay.
        this.options.logger.warn('spool record is not an event; skipped', { segment: name });
        continue;
      }
      if (!(await this.options.handOff(event))) return { replayed, done: false };
      replayed++;
      spoolEvents.inc({ outcome: 'replayed' });
    }
    await unlink(path);
    return { replayed, done: true };
  }

  private decode(line: string): TaglineEvent | undefined {
    try {
      return this.options.parse(JSON.parse(line) as Json);
    } catch {
      return undefined;
    }
  }

  private async segments(): Promise<string[]> {
    return (await readdir(this.options.dir)).filter((name) => name.endsWith(SEGMENT_SUFFIX)).sort();
  }

  /** Recount the bytes on disk (segments left by an earlier process included); the number of segments. */
  private async measure(): Promise<number> {
    const names = await this.segments();
    let bytes = 0;
    for (const name of names) bytes += (await stat(join(this.options.dir, name)).catch(() => ({ size: 0 }))).size;
    this.bytes = bytes;
    spoolBytes.set(bytes);
    return names.length;
  }

  /** While segments exist, replay on a timer that backs off to 10 s while nothing takes them. */
  private scheduleReplay(): void {
    if (this.retryTimer !== undefined || this.bytes === 0) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.replay().then(
        ({ remaining }) => {
          this.retryMs = remaining > 0 ? Math.min(MAX_RETRY_MS, this.retryMs * 2) : this.firstRetryMs;
          this.scheduleReplay();
        },
        (err: unknown) => {
          this.options.logger.warn('spool replay failed', { err });
          this.retryMs = Math.min(MAX_RETRY_MS, this.retryMs * 2);
          this.scheduleReplay();
        },
      );
    }, this.retryMs);
    this.retryTimer.unref();
  }
}

/** Whether a live process other than this one writes segment `name` (processes may share a directory). */
function writtenByAnother(name: string): boolean {
  const pid = Number(name.split('-')[1]);
  if (!Number.isInteger(pid) || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
