// Synthetic national-size files in published layouts, shared by the benchmarks.
import { createWriteStream } from 'node:fs';

export const ONSPD_HEADER =
  'pcd,pcd2,pcds,dointr,doterm,oscty,ced,oslaua,osward,parish,usertype,oseast1m,osnrth1m,osgrdind,oshlthau,nhser,ctry,rgn,streg,pcon,eer,teclec,ttwa,pct,itl,statsward,oa01,casward,npark,lsoa01,msoa01,ur01ind,oac01,oa11,lsoa11,msoa11,wz11,sicbl,bua11,buasd11,ru11ind,oac11,lat,long,lep1,lep2,pfa,imd,calncv,icb,oa21,lsoa21,msoa21';

/**
 * Writes a synthetic ONSPD file in the published layout (lower-case unquoted header, quoted codes, bare lat/long):
 * `rows` postcodes spread over `districts`, one in nine terminated, one in 97 without a grid reference.
 */
export async function writeSyntheticOnspd(
  file: string,
  rows: number,
  districts: { district: string; lat: number; lng: number }[],
) {
  const out = createWriteStream(file);
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write(ONSPD_HEADER + '\n');
  const letters = 'ABDEFGHJLNPQRSTUWXYZ';
  let batch = '';
  for (let i = 0; i < rows; i++) {
    const d = districts[i % districts.length];
    const inward = `${i % 10}${letters[Math.floor(i / 10) % 20]}${letters[Math.floor(i / 200) % 20]}`;
    const pcds = `${d.district} ${inward}`;
    const term = i % 9 === 0 ? '200506' : '';
    const lat = i % 97 === 0 ? '99.999999' : (d.lat + ((i % 13) - 6) * 0.001).toFixed(6);
    const lng = i % 97 === 0 ? '0.000000' : (d.lng + ((i % 7) - 3) * 0.001).toFixed(6);
    batch += `"${d.district.padEnd(4)}${inward}","${d.district.padEnd(5)}${inward}","${pcds}","198001","${term}","E99999999","E99999999","E09000016","E05013980","E43000017",0,551234,188765,1,"E18000007","E40000003","E92000001","E12000007","0","E14001455","E15000007","E24000042","E30000234","E16000074","E06000017","00ARGC","00ARGC0001","00ARGC","E65000001","E01002288","E02000467","A","3B1","E00010888","E01002288","E02000467","E33025012","E38000233","E34004707","E35001256","A1","2B1",${lat},${lng},"E37000051","","E23000001",18334,"E56000023","E54000029","E00010888","E01002288","E02000467"\n`;
    if (batch.length > 1 << 20) {
      await write(batch);
      batch = '';
    }
  }
  await write(batch);
  await new Promise<void>((r) => out.end(() => r()));
}
