// Prints the lunar date of every day from 1901-01-01 to 2100-12-31 as
// lunar-javascript computes it from its own astronomical model, one line
// "YYYY-MM-DD YEAR MONTH LEAP DAY" each, the lines `unit --lunar` prints
// from press's table (tests/lunar.sh compares the two).
const { Solar } = require('lunar-javascript');

const out = [];
let day = new Date(Date.UTC(1901, 0, 1));
const end = Date.UTC(2100, 11, 31);
for (; day.getTime() <= end; day = new Date(day.getTime() + 86400000)) {
	const y = day.getUTCFullYear(), m = day.getUTCMonth() + 1, d = day.getUTCDate();
	const l = Solar.fromYmd(y, m, d).getLunar();
	const mo = l.getMonth();
	out.push(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-` +
		`${String(d).padStart(2, '0')} ${l.getYear()} ${Math.abs(mo)} ` +
		`${mo < 0 ? 1 : 0} ${l.getDay()}`);
}
process.stdout.write(out.join('\n') + '\n');
