'use strict';
// Example: store two workers, then match a welder vacancy near Kabupaten Balangan (63.11)
// and print the ranked candidates with the explanation of their scores.
//
//   CAKAP_SERVER=127.0.0.1:7843 CAKAP_KEY=cakap_... node example.js
//
// The key needs the portal or admin role (upserts are not allowed to partners).

const { createClient } = require('./index.js');

async function main() {
  const client = createClient({
    address: process.env.CAKAP_SERVER || '127.0.0.1:7843',
    key: process.env.CAKAP_KEY,
    deadlineMs: 10000,
  });
  try {
    await client.upsertWorker({
      id: 'example-w1',
      displayName: 'Ahmad Fauzi',
      domicile: { regionCode: '63.11', kecamatan: 'Paringin' },
      skills: ['welder', 'las smaw'],
      certificates: [
        {
          issuer: 'ISSUER_BNSP',
          issuingBody: 'LSP Las Indonesia',
          scheme: 'Juru Las SMAW 3G',
          skills: ['LAS.SMAW'],
          kkniLevel: 3,
          issuedOn: '2025-01-10',
        },
      ],
      employmentStatus: 'EMPLOYMENT_STATUS_SEEKING',
      welfareDecile: 3,
    });
    await client.upsertWorker({
      id: 'example-w2',
      displayName: 'Budi Santoso',
      domicile: { regionCode: '63.71' }, // Kota Banjarmasin
      skills: ['juru las', 'LAS.GTAW'],
      willingToRelocate: true,
      employmentStatus: 'EMPLOYMENT_STATUS_SEEKING',
    });

    const result = await client.matchCandidates({
      vacancy: {
        employer: 'PT Contoh Konstruksi',
        title: 'Welder SMAW',
        requiredSkills: ['LAS'],
        preferredSkills: ['LAS.SMAW'],
        location: { regionCode: '63.11' },
      },
      pageSize: 10,
    });

    console.log(`${result.total} candidate(s)`);
    result.candidates.forEach((c, i) => {
      const km = c.distanceKm >= 0 ? `${c.distanceKm.toFixed(1)} km` : 'no location';
      console.log(`${i + 1}. ${c.worker.displayName} (${c.worker.id})  score ${c.score.toFixed(6)}  ${km}`);
      for (const e of c.explanation) {
        console.log(`     ${e.name.padEnd(17)} ${e.value.toFixed(6)}  ${e.detail}`);
      }
    });
  } finally {
    client.close();
  }
}

main().catch((err) => {
  // gRPC errors carry a numeric code and the server's message in details.
  console.error(`error: ${err.code !== undefined ? `code ${err.code}: ${err.details}` : err.stack}`);
  process.exit(1);
});
