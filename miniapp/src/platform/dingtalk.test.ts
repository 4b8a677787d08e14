/** The adapter in a plain browser (jsdom): no DingTalk, so no auth code — with a message a user can act on. */
import { dingTalkPlatform, getDingTalkAuthCode, isInDingTalk, setDingTalkTitle } from './dingtalk';

describe('dingtalk adapter outside DingTalk', () => {
  it('reports notInDingTalk', () => {
    expect(dingTalkPlatform()).toBe('notInDingTalk');
    expect(isInDingTalk()).toBe(false);
  });

  it('rejects getDingTalkAuthCode with a clear Chinese message', async () => {
    await expect(getDingTalkAuthCode('dingcorp')).rejects.toThrow('获取钉钉授权码失败：当前不在钉钉客户端中，请在钉钉工作台中打开留才');
  });

  it('rejects an empty corpId first', async () => {
    await expect(getDingTalkAuthCode('')).rejects.toThrow('获取钉钉授权码失败：缺少企业 corpId');
  });

  it('ignores setDingTalkTitle outside DingTalk', () => {
    expect(() => setDingTalkTitle('我的')).not.toThrow();
  });
});
