/*
 * lunar: the Chinese calendar date (农历) of a Gregorian date, 1901–2100.
 *
 * ICU's Chinese calendar computes new moons astronomically and places
 * some that fall near midnight Beijing time on the wrong day, so whole
 * months came out a day off (2027-02-06 read 腊月三十).  The calendar the
 * paper prints is the one the observatories publish, so it is read from
 * a table instead.
 *
 * The table is the widely used one of year codes beginning 0x04bd8,
 * compiled from the Hong Kong Observatory's Gregorian–Lunar Calendar
 * Conversion Table (www.hko.gov.hk/tc/gts/time/conversion.htm) and the
 * Purple Mountain Observatory's 中国天文年历.  One code per lunar year
 * from 1900:
 *
 *   bits 0–3   the leap month (闰月), 0 if none
 *   bits 4–15  the months 12 … 1: 1 for a long month (30 days), 0 for 29
 *   bit 16     the leap month is long
 *
 * Lunar year 1900 began on 1900-01-31.
 *
 * Two codes differ from the observatory's table, where its own notes say
 * that a new moon falls within minutes of midnight and the table may be a
 * day out: 2057 (0x06aa0 there: 九月初一 is 2057-09-29, not 09-28) and
 * 2097 (0x0a4d0 there: 七月初一 is 2097-08-07, not 08-08).  Both follow
 * the new moons as Calendrical Calculations (with its errata) and
 * lunar-javascript compute them.  tests/lunar.sh checks the first
 * day of every month from 1901 to 2100 against the lunar-javascript
 * package, which computes them from its own astronomical model.
 */
#include <stdio.h>
#include <stdlib.h>

#include "press.h"

static const uint32_t years[] = {
    0x04bd8, 0x04ae0, 0x0a570, 0x054d5, 0x0d260, /* 1900 */
    0x0d950, 0x16554, 0x056a0, 0x09ad0, 0x055d2, /* 1905 */
    0x04ae0, 0x0a5b6, 0x0a4d0, 0x0d250, 0x1d255, /* 1910 */
    0x0b540, 0x0d6a0, 0x0ada2, 0x095b0, 0x14977, /* 1915 */
    0x04970, 0x0a4b0, 0x0b4b5, 0x06a50, 0x06d40, /* 1920 */
    0x1ab54, 0x02b60, 0x09570, 0x052f2, 0x04970, /* 1925 */
    0x06566, 0x0d4a0, 0x0ea50, 0x16a95, 0x05ad0, /* 1930 */
    0x02b60, 0x186e3, 0x092e0, 0x1c8d7, 0x0c950, /* 1935 */
    0x0d4a0, 0x1d8a6, 0x0b550, 0x056a0, 0x1a5b4, /* 1940 */
    0x025d0, 0x092d0, 0x0d2b2, 0x0a950, 0x0b557, /* 1945 */
    0x06ca0, 0x0b550, 0x15355, 0x04da0, 0x0a5b0, /* 1950 */
    0x14573, 0x052b0, 0x0a9a8, 0x0e950, 0x06aa0, /* 1955 */
    0x0aea6, 0x0ab50, 0x04b60, 0x0aae4, 0x0a570, /* 1960 */
    0x05260, 0x0f263, 0x0d950, 0x05b57, 0x056a0, /* 1965 */
    0x096d0, 0x04dd5, 0x04ad0, 0x0a4d0, 0x0d4d4, /* 1970 */
    0x0d250, 0x0d558, 0x0b540, 0x0b6a0, 0x195a6, /* 1975 */
    0x095b0, 0x049b0, 0x0a974, 0x0a4b0, 0x0b27a, /* 1980 */
    0x06a50, 0x06d40, 0x0af46, 0x0ab60, 0x09570, /* 1985 */
    0x04af5, 0x04970, 0x064b0, 0x074a3, 0x0ea50, /* 1990 */
    0x06b58, 0x05ac0, 0x0ab60, 0x096d5, 0x092e0, /* 1995 */
    0x0c960, 0x0d954, 0x0d4a0, 0x0da50, 0x07552, /* 2000 */
    0x056a0, 0x0abb7, 0x025d0, 0x092d0, 0x0cab5, /* 2005 */
    0x0a950, 0x0b4a0, 0x0baa4, 0x0ad50, 0x055d9, /* 2010 */
    0x04ba0, 0x0a5b0, 0x15176, 0x052b0, 0x0a930, /* 2015 */
    0x07954, 0x06aa0, 0x0ad50, 0x05b52, 0x04b60, /* 2020 */
    0x0a6e6, 0x0a4e0, 0x0d260, 0x0ea65, 0x0d530, /* 2025 */
    0x05aa0, 0x076a3, 0x096d0, 0x04afb, 0x04ad0, /* 2030 */
    0x0a4d0, 0x1d0b6, 0x0d250, 0x0d520, 0x0dd45, /* 2035 */
    0x0b5a0, 0x056d0, 0x055b2, 0x049b0, 0x0a577, /* 2040 */
    0x0a4b0, 0x0aa50, 0x1b255, 0x06d20, 0x0ada0, /* 2045 */
    0x14b63, 0x09370, 0x049f8, 0x04970, 0x064b0, /* 2050 */
    0x168a6, 0x0ea50, 0x06b20, 0x1a6c4, 0x0aae0, /* 2055 */
    0x092e0, 0x0d2e3, 0x0c960, 0x0d557, 0x0d4a0, /* 2060 */
    0x0da50, 0x05d55, 0x056a0, 0x0a6d0, 0x055d4, /* 2065 */
    0x052d0, 0x0a9b8, 0x0a950, 0x0b4a0, 0x0b6a6, /* 2070 */
    0x0ad50, 0x055a0, 0x0aba4, 0x0a5b0, 0x052b0, /* 2075 */
    0x0b273, 0x06930, 0x07337, 0x06aa0, 0x0ad50, /* 2080 */
    0x14b55, 0x04b60, 0x0a570, 0x054e4, 0x0d160, /* 2085 */
    0x0e968, 0x0d520, 0x0daa0, 0x16aa6, 0x056d0, /* 2090 */
    0x04ae0, 0x0a9d4, 0x0a2d0, 0x0d150, 0x0f252, /* 2095 */
    0x0d520,                                     /* 2100 */
};

#define FIRST_YEAR 1900
#define NYEARS ((int)(sizeof(years) / sizeof(years[0])))

/* Days from 1970-01-01 to a Gregorian date (Howard Hinnant's algorithm). */
static long
days_from_civil(long y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The days of month m (1–12) of table year i, or of its leap month. */
static int
month_days(int i, int m, int leap)
{
	if (leap)
		return years[i] & 0x10000 ? 30 : 29;
	return years[i] & (0x10000 >> m) ? 30 : 29;
}

static int
year_days(int i)
{
	int m, n = 0;

	for (m = 1; m <= 12; m++)
		n += month_days(i, m, 0);
	if (years[i] & 0xf)
		n += month_days(i, 0, 1);
	return n;
}

/*
 * Fills out with the lunar date of a Gregorian date from 1901-01-01 to
 * 2100-12-31.  Returns 0 for a date outside that range or not in the
 * calendar (2023-02-29).
 */
int
lunar_date(int y, int m, int d, struct lunar *out)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30,
	                            31, 31, 30, 31, 30, 31};
	long off;
	int i, mo, n;

	if (y < 1901 || y > 2100 || m < 1 || m > 12 || d < 1)
		return 0;
	n = mdays[m - 1] +
	    (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
	if (d > n)
		return 0;
	off = days_from_civil(y, m, d) - days_from_civil(1900, 1, 31);
	for (i = 0; i < NYEARS && off >= (n = year_days(i)); i++)
		off -= n;
	if (i == NYEARS)
		return 0;
	out->year = FIRST_YEAR + i;
	for (mo = 1; mo <= 12; mo++) {
		if (off < (n = month_days(i, mo, 0))) {
			out->leap = 0;
			break;
		}
		off -= n;
		if ((int)(years[i] & 0xf) == mo) {
			if (off < (n = month_days(i, mo, 1))) {
				out->leap = 1;
				break;
			}
			off -= n;
		}
	}
	out->month = mo;
	out->day = (int)off + 1;
	return 1;
}

char *
lunar_name(const char *date)
{
	static const char *const stems[] = {"甲", "乙", "丙", "丁", "戊",
	                                    "己", "庚", "辛", "壬", "癸"};
	static const char *const branches[] = {"子", "丑", "寅", "卯",
	                                       "辰", "巳", "午", "未",
	                                       "申", "酉", "戌", "亥"};
	static const char *const months[] = {"正", "二", "三", "四",
	                                     "五", "六", "七", "八",
	                                     "九", "十", "冬", "腊"};
	static const char *const days[] = {
	    "初一", "初二", "初三", "初四", "初五", "初六", "初七", "初八",
	    "初九", "初十", "十一", "十二", "十三", "十四", "十五", "十六",
	    "十七", "十八", "十九", "二十", "廿一", "廿二", "廿三", "廿四",
	    "廿五", "廿六", "廿七", "廿八", "廿九", "三十"};
	struct lunar l;
	int y, m, d;
	char tail;

	if (date == NULL ||
	    sscanf(date, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 ||
	    !lunar_date(y, m, d, &l))
		return NULL;
	return xasprintf("%s%s年%s%s月%s", stems[(l.year - 4) % 10],
	                 branches[(l.year - 4) % 12], l.leap ? "闰" : "",
	                 months[l.month - 1], days[l.day - 1]);
}
