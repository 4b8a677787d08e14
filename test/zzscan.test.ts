import { scanCopy } from './support/copyStyle';
it('scan', () => {
const v = scanCopy('/work/wt-datapage');
console.log(v.map((x) => `${x.file}:${x.line} [${x.rule}] ${x.text.slice(0,160)}`).join('\n') + '\n' + v.length);
});
