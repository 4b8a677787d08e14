import { useState } from 'react';

const COLORS = ['#1677ff', '#00b578', '#ff8f1f', '#7b61ff', '#eb2f96', '#13a8a8'];

/** Stable colour for a person (by userid or name). */
function colorFor(seed: string): string {
  let h = 0;
  for (const ch of seed) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return COLORS[h % COLORS.length] ?? COLORS[0]!;
}

/** Round avatar: the DingTalk photo when there is one (and it loads), else the last character of the name. */
export function UserAvatar({ name, src, seed, size = 40 }: { name: string; src?: string | null; seed?: string; size?: number }) {
  const [broken, setBroken] = useState(false);
  const style = { width: size, height: size, fontSize: Math.round(size * 0.42) };
  if (src && !broken) {
    return <img className="user-avatar" style={style} src={src} alt={name} onError={() => setBroken(true)} />;
  }
  // Chinese names are usually shown by their last one or two characters; one keeps it round and readable.
  const initial = name.trim().slice(-1) || '?';
  return (
    <span className="user-avatar" style={{ ...style, background: colorFor(seed ?? name) }} aria-hidden>
      {initial}
    </span>
  );
}
