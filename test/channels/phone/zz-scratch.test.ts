import { it } from 'vitest';
import { local, startPhoneApp } from './harness.ts';
it('prints', async () => {
  const phone = await startPhoneApp({ at: local('2027-01-20 13:00'), acs: false, simulator: true });
  await phone.app.store.shifts.add({ route: 'trygghetsjour', kind: 'extra', from: local('2027-01-20 12:00'), to: local('2027-01-20 16:00') });
  const start = await (await phone.post('/phone/api/calls', {})).json() as any;
  const show = (r: any) => { for (const a of r.actions) console.log(`[${r.stage}/${r.lang}] ${a.type} ${a.context ?? ''} ${a.to ?? ''}: ${a.text ?? ''}`); };
  show(start);
  for (const [kind, value] of [['dtmf','1'],['silence',''],['speech','grannarna har fest och spelar hög musik'],['speech','nej'],['speech','Stora Varvsgatan 1 trappa B'],['transferFailed','']]) {
    const r = await (await phone.post(`/phone/api/calls/${start.id}/input`, { token: start.token, kind, value })).json();
    console.log('>>', kind, value); show(r);
  }
  const s2 = await (await phone.post('/phone/api/calls', {})).json() as any;
  for (const [kind, value] of [['speech','hissen är trasig'],['speech','ja'],['speech','hissen i trappuppgång C på Rosengård'],['silence',''],['silence',''],['silence',''],['silence','']]) {
    const r = await (await phone.post(`/phone/api/calls/${s2.id}/input`, { token: s2.token, kind, value })).json();
    console.log('>>', kind, value); show(r);
  }
  console.log(JSON.stringify(await phone.app.store.cases.list(), null, 1).slice(0, 3000));
  console.log(JSON.stringify(await phone.app.store.outbox.list(), null, 1));
  await phone.close();
});
