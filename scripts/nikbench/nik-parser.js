// Runs npm nik-parser@1.0.1 over a file of NIKs, one per line, doing what
// `adminduk nik validate` does: validity, birth date and sex of each, and a
// count of the invalid ones. nik-parser throws on an unknown kecamatan; that
// counts as invalid.
const fs = require('fs');
const { nikParser } = require('nik-parser');

const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n');
let checked = 0, invalid = 0;
for (const line of lines) {
  if (line === '') continue;
  checked++;
  try {
    const p = nikParser(line);
    if (!p.isValid()) { invalid++; continue; }
    p.lahir();
    p.kelamin();
  } catch (e) {
    invalid++;
  }
}
process.stderr.write(`${checked} checked, ${invalid} invalid\n`);
