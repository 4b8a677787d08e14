/**
 * The sandbox's demo inbox page (`GET /sandbox/inbox`): what "DingTalk" delivered to a person, so someone trying the
 * demo sees the work notifications arrive, opens their links and marks them read (which getsendresult reports).
 */
import type { SandboxDemoUsers } from './corpTypes';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The page for these corps (client-side script reads the JSON inbox API). */
export function inboxPageHtml(corps: { corpId: string; corpName: string; demoUsers: SandboxDemoUsers }[]): string {
  const options = corps
    .map((c) => {
      const users = [
        ['员工', c.demoUsers.employee],
        ['主管', c.demoUsers.supervisor],
        ['HR', c.demoUsers.hr],
        ['管理员', c.demoUsers.admin],
      ];
      return users.map(([role, id]) => `<option value="${escapeHtml(`${c.corpId}|${id}`)}">${escapeHtml(`${c.corpName} · ${role} ${id}`)}</option>`).join('');
    })
    .join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>钉钉沙箱 · 工作通知收件箱</title>
<style>
body{font-family:-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;background:#f2f3f5;color:#1f2329}
header{background:#1677ff;color:#fff;padding:14px 16px;font-size:17px;font-weight:600}
main{max-width:720px;margin:0 auto;padding:12px}
.bar{display:flex;gap:8px;flex-wrap:wrap;margin-bottom:12px}
select,input,button{font-size:14px;padding:6px 8px;border:1px solid #d0d3d6;border-radius:6px;background:#fff}
button{cursor:pointer}
.msg{background:#fff;border-radius:8px;padding:12px 14px;margin-bottom:10px;box-shadow:0 1px 2px rgba(0,0,0,.05)}
.msg h3{margin:0 0 6px;font-size:15px}.msg p{margin:0 0 8px;white-space:pre-wrap;color:#4e5969;font-size:14px}
.meta{font-size:12px;color:#86909c;display:flex;gap:10px;align-items:center;flex-wrap:wrap}
.unread{color:#f53f3f}.recalled{opacity:.55}
.empty{color:#86909c;text-align:center;padding:40px 0}
</style></head>
<body><header>钉钉沙箱 · 工作通知收件箱</header><main>
<div class="bar"><select id="who">${options}</select><input id="custom" placeholder="或输入 企业ID|员工账号" size="24">
<button id="load">查看</button><button id="readAll">全部标为已读</button></div>
<div id="list" class="empty">选择一个人查看收到的工作通知</div></main>
<script>
const $ = (id) => document.getElementById(id);
const who = () => ($('custom').value.trim() || $('who').value).split('|');
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;'})[c]);
const plain = (md) => String(md ?? '').replace(/^#+\\s.*$/gm, '').replace(/[*_>]/g, '').trim();
const httpsOf = (link) => { if (!link || !link.startsWith('dingtalk://')) return link; const u = new URL(link.replace('dingtalk://', 'https://')); return u.searchParams.get('url') || link; };
async function load() {
  const [corpId, userid] = who();
  const res = await fetch('/sandbox/corps/' + encodeURIComponent(corpId) + '/inbox/' + encodeURIComponent(userid));
  const data = await res.json();
  if (!res.ok) { $('list').className = 'empty'; $('list').textContent = data.message || '读取失败'; return; }
  if (data.messages.length === 0) { $('list').className = 'empty'; $('list').textContent = (data.name || userid) + ' 还没有收到工作通知'; return; }
  $('list').className = '';
  $('list').innerHTML = data.messages.map((m) => '<div class="msg' + (m.recalled ? ' recalled' : '') + '" data-task="' + m.taskId + '"><h3>' + esc(m.recalled ? '（已撤回）' + m.title : m.title) + '</h3><p>' + esc(m.recalled ? '' : plain(m.text)) + '</p><div class="meta"><span>' + new Date(m.receivedAt).toLocaleString('zh-CN') + '</span>' + (m.recalled ? '<span>已撤回</span>' : m.read ? '<span>已读</span>' : '<span class="unread">未读</span>') + (m.link && !m.recalled ? '<a href="' + esc(httpsOf(m.link)) + '" target="_blank">查看详情</a>' : '') + (!m.read && !m.recalled ? '<button data-read="' + m.taskId + '">标为已读</button>' : '') + '</div></div>').join('');
}
async function markRead(taskId) {
  const [corpId, userid] = who();
  await fetch('/sandbox/corps/' + encodeURIComponent(corpId) + '/inbox/' + encodeURIComponent(userid) + '/read', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(taskId ? { taskId } : {}) });
  await load();
}
$('load').onclick = load; $('who').onchange = load; $('readAll').onclick = () => markRead();
$('list').onclick = (e) => { const t = e.target.getAttribute && e.target.getAttribute('data-read'); if (t) markRead(Number(t)); };
</script></body></html>`;
}
