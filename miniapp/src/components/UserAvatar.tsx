import { useState } from 'react';

const COLORS = ['#1677ff', '#00b578', '#ff8f1f', '#7b61ff', '#eb2f96', '#13a8a8'];

/** Stable colour for a person (by userid or name). */
function colorFor(seed: string): string {
  let h = 0;
  for (const ch of seed) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return COLORS[h % COLORS.length] ?? COLORS[0]!;
}

/**
 * Round avatar: the last character of the name on the person's colour, covered by the DingTalk photo once (and if)
 * it loads, so a slow or unreachable photo never shows as a broken image.
 */
export function UserAvatar({ name, src, seed, size = 40 }: { name: string; src?: string | null; seed?: string; size?: number }) {
  const [photo, setPhoto] = useState<'loading' | 'loaded' | 'broken'>('loading');
  const style = { width: size, height: size, fontSize: Math.round(size * 0.42) };
  // Chinese names are usually shown by their last one or two characters; one keeps it round and readable.
  const initial = name.trim().slice(-1) || '?';
  return (
    // Decorative: the name is always written next to it.
    <span className="user-avatar" style={{ ...style, background: colorFor(seed ?? name) }} aria-hidden>
      {photo !== 'loaded' && initial}
      {src && photo !== 'broken' && (
        <img
          className={`user-avatar-photo${photo === 'loaded' ? ' loaded' : ''}`}
          src={src}
          alt=""
          onLoad={() => setPhoto('loaded')}
          onError={() => setPhoto('broken')}
        />
      )}
    </span>
  );
}
