/*
 * Unit tests of the small pure functions, with the Check library.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../tools/press.h"

START_TEST(utf8_steps)
{
	const char *s = "a中“";
	uint32_t cp;

	ck_assert_uint_eq(u8_next(s, strlen(s), &cp), 1);
	ck_assert_uint_eq(cp, 'a');
	ck_assert_uint_eq(u8_next(s + 1, strlen(s) - 1, &cp), 3);
	ck_assert_uint_eq(cp, 0x4E2D);
	ck_assert_uint_eq(u8_prev(s, strlen(s), &cp), 3);
	ck_assert_uint_eq(cp, 0x201C);
	ck_assert_uint_eq(u8_count(s, strlen(s)), 3);
	ck_assert_uint_eq(u8_next(s, 0, &cp), 0);
}
END_TEST

START_TEST(char_classes)
{
	ck_assert(u_is_han(0x4E2D));     /* 中 */
	ck_assert(u_is_han(0x3007));     /* 〇 */
	ck_assert(!u_is_han('a'));
	ck_assert(u_is_cjk_punct(0xFF0C)); /* ， */
	ck_assert(u_is_cjk_punct(0x201C)); /* “ */
	ck_assert(u_is_cjk_punct(0x3002)); /* 。 */
	ck_assert(!u_is_cjk_punct(','));
	ck_assert(u_is_space(0x3000));
	ck_assert(!u_is_space(0x4E2D));
}
END_TEST

/* Decodes bytes and checks the UTF-8 text that comes out. */
static void
decodes(const char *bytes, size_t len, const char *want)
{
	struct src *src = src_from_bytes("t.md", bytes, len);

	ck_assert_ptr_nonnull(src);
	ck_assert_str_eq(src->text, want);
	ck_assert_uint_eq(src->len, strlen(want));
	src_free(src);
}

START_TEST(read_encodings)
{
	/* UTF-8, with and without BOM. */
	decodes("\xE4\xB8\xAD\n", 4, "中\n");
	decodes("\xEF\xBB\xBF\xE4\xB8\xAD\n", 7, "中\n");
	/* UTF-16 LE and BE with BOM. */
	decodes("\xFF\xFE\x2D\x4E\x0A\x00", 6, "中\n");
	decodes("\xFE\xFF\x4E\x2D\x00\x0A", 6, "中\n");
	/* GB18030 (and so GBK): 中文 is D6D0 CEC4. */
	decodes("\xD6\xD0\xCE\xC4", 4, "中文");
	/* Line ends: CRLF and CR become LF, the line count stays. */
	decodes("a\r\nb\rc\n", 7, "a\nb\nc\n");
}
END_TEST

START_TEST(read_refuses)
{
	/* A lone continuation byte is neither UTF-8 nor GB18030. */
	ck_assert_ptr_null(src_from_bytes("t.md", "ab\x80", 3));
	/* An overlong encoding of '/' is not UTF-8, even after a BOM. */
	ck_assert_ptr_null(src_from_bytes("t.md", "\xEF\xBB\xBF\xC0\xAF", 5));
	/* A NUL byte: not a text file. */
	ck_assert_ptr_null(src_from_bytes("t.md", "a\0b", 3));
}
END_TEST

START_TEST(word_count)
{
	/* Han characters and full-width marks count 1 each. */
	ck_assert_uint_eq(count_chars("考场内，考生。"), 7);
	ck_assert_uint_eq(count_chars("“暖心伴考”"), 6);
	ck_assert_uint_eq(count_chars("追光而行……"), 6);
	/* A number is 1 (with its . , %), a Latin word is 1. */
	ck_assert_uint_eq(count_chars("2024年"), 2);
	ck_assert_uint_eq(count_chars("3.5万"), 2);
	ck_assert_uint_eq(count_chars("增长12.5%"), 3);
	ck_assert_uint_eq(count_chars("Hello world"), 2);
	/* Spaces and half-width marks count 0. */
	ck_assert_uint_eq(count_chars(" , . "), 0);
	ck_assert_uint_eq(count_chars(""), 0);
}
END_TEST

START_TEST(bylines)
{
	struct contributor *by;
	size_t n, i;
	const char *s = "记者 崔欣 通讯员 宋雅欣";

	ck_assert(body_parse_byline(s, strlen(s), &by, &n));
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(by[0].role, ROLE_REPORTER);
	ck_assert_str_eq(by[0].name, "崔欣");
	ck_assert_int_eq(by[1].role, ROLE_CORRESPONDENT);
	ck_assert_str_eq(by[1].name, "宋雅欣");
	for (i = 0; i < n; i++)
		free(by[i].name);
	free(by);

	s = "记者 张晶、王路曼";
	ck_assert(body_parse_byline(s, strlen(s), &by, &n));
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(by[1].name, "王路曼");
	for (i = 0; i < n; i++)
		free(by[i].name);
	free(by);

	/* A name needs a role before it; words are not names. */
	s = "张晶";
	ck_assert(!body_parse_byline(s, strlen(s), &by, &n));
	s = "记者 Zhang";
	ck_assert(!body_parse_byline(s, strlen(s), &by, &n));
	s = "";
	ck_assert(!body_parse_byline(s, 0, &by, &n));
}
END_TEST

START_TEST(relpaths)
{
	ck_assert(validate_relpath("img/lianjia.jpg"));
	ck_assert(validate_relpath("照片.jpg"));
	ck_assert(validate_relpath("a..b.jpg"));
	ck_assert(!validate_relpath("../x.jpg"));
	ck_assert(!validate_relpath("img/../../x.jpg"));
	ck_assert(!validate_relpath("img/.."));
	ck_assert(!validate_relpath("/etc/passwd"));
	ck_assert(!validate_relpath("http://example.org/x.jpg"));
	ck_assert(!validate_relpath("C:\\x.jpg"));
	ck_assert(!validate_relpath(""));
}
END_TEST

/* The findings of the body rules on one line: "COL rule-id" each. */
static void
finds(const char *text, const char *want)
{
	char *got = proof_text(text);

	ck_assert_msg(strcmp(got, want) == 0, "%s: got \"%s\", want \"%s\"",
	              text, got, want);
	free(got);
}

START_TEST(check_catches)
{
	finds("”暖心伴考“服务", "1 punct-pair\n");                 /* 1 */
	finds("考场内,考生.", "4 punct-halfwidth\n7 punct-halfwidth\n"); /* 2 */
	finds("工会(ACFTU)成立", "3 punct-halfwidth\n");
	finds("无数\"蓝帐篷\"", "3 punct-quote\n");                /* 3 */
	finds("服务的的基础上", "3 char-repeated\n");                /* 4 */
	finds("这里\xE2\x80\x8B有", "3 char-garbled\n");         /* 6: U+200B */
	finds("追光而行...", "5 punct-ellipsis\n");                  /* 9 */
	finds("文具……等物资", "3 punct-ellipsis\n");
	finds("他--一名老党员", "2 punct-dash\n");                   /* 10 */
	finds("太好了！！！", "4 punct-repeated\n");                 /* 11 */
	finds("１０００元", "1 char-fullwidth\n");                   /* 12 */
	finds("全市 16 个区", "3 space-mixed\n");                    /* 13 */
	finds("伴考 ，服务", "3 space-stray\n");                     /* 14 */
	finds("《红楼梦》、《西游记》", "5 punct-dunhao\n");          /* 15 */
	finds("三、四十人", "1 punct-dunhao\n");
	finds("《暖心伴考》活动", "1 punct-booktitle\n");             /* 16 */
	finds("二0二四年", "1 number-form\n");                       /* 19 */
	finds("3千5百万", "1 number-form\n");
	finds("列奥纳多.达.芬奇", "5 punct-name-dot\n");             /* 20 */
	finds("大家都都来了", "3 char-repeated\n");                 /* 4, ICU */
	finds("他在在北京工作", "2 char-repeated\n");
	finds("工会举办《职工心向党》主题活动", "5 punct-booktitle\n"); /* 16 */
	finds("2015-2024年", "5 number-range\n");                  /* 24 */
	finds("6月7日-8日，6～8月", "5 number-range\n10 number-range\n");
}
END_TEST

START_TEST(check_leaves_alone)
{
	finds("参赛3.5万人，上午7:30入场，从2015—2024年，增长12.5%。", "");
	finds("详见https://example.org/a,b;c?d=1，或写信到a.b@example.org。", "");
	finds("默默守护，慢慢等待，层层筛选。", "");
	finds("活动的目的的确达到了，为了了解情况。", "");
	finds("他现在在北京，大家实实在在地做事。", "");
	finds("北京—上海，气温25～30℃，编号A-3。", "");
	finds("真的吗？！“好！”他说……", "");
	finds("以“工会暖心 伴考十年”为主题，（记者 张晶）采访。", "");
	finds("职工们开展学习《工会法》活动，第一、二季度。", "");
	finds("全程5千米，增长3.5个百分点，二〇二四年。", "");
	finds("It’s fine: don’t worry. He said \"hi\".", "");
	finds("列奥纳多·达·芬奇，U.S.和No.1。", "");
	finds("职工工作，学生生活，为了了解，避避雨，人人，常常来看看。", "");
	finds("比分3-1，气温25～30℃，日期2024-06-11，编号A2015-2024年。", "");
	finds("观看《春节联欢晚会》，学习《工会法》，2015—2024年。", "");
}
END_TEST

/* The dates ICU's Chinese calendar got wrong, and one it got right. */
START_TEST(lunar_dates)
{
	static const char *const want[][2] = {
	    {"2027-02-06", "丁未年正月初一"}, /* Spring Festival */
	    {"2027-02-19", "丁未年正月十四"},
	    {"2030-02-03", "庚戌年正月初一"},
	    {"2018-11-08", "戊戌年十月初一"},
	    {"2012-08-17", "壬辰年七月初一"},
	    {"2012-08-18", "壬辰年七月初二"},
	    {"2012-08-16", "壬辰年六月廿九"},
	    {"2024-06-11", "甲辰年五月初六"},
	    {"2023-03-22", "癸卯年闰二月初一"},
	    /* New moons minutes from midnight (see tools/lunar.c). */
	    {"2057-09-29", "丁丑年九月初一"},
	    {"2097-08-07", "丁巳年七月初一"},
	    {"1901-01-01", "庚子年冬月十一"},
	    {"1901-02-19", "辛丑年正月初一"},
	    {"2100-12-31", "庚申年腊月初一"},
	};
	size_t i;
	char *got;

	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		got = lunar_name(want[i][0]);
		ck_assert_msg(got != NULL && strcmp(got, want[i][1]) == 0,
		              "%s: %s, want %s", want[i][0], got ? got : "NULL",
		              want[i][1]);
		free(got);
	}
	/* Outside the table's years, and dates not in the calendar. */
	ck_assert_ptr_null(lunar_name("1900-12-31"));
	ck_assert_ptr_null(lunar_name("2101-01-01"));
	ck_assert_ptr_null(lunar_name("2023-02-29"));
	ck_assert_ptr_null(lunar_name("2024-13-01"));
	ck_assert_ptr_null(lunar_name("2024-06"));
}
END_TEST

/* Headlines break between words: the seed's headlines and the breaks
 * inside words that issue 17 saw (开/展, 一/对一, 设/立, 暖心伴/考, 多/举措)
 * are never offered; a short quotation stays whole; digits keep to their
 * neighbours; no break next to a space (one already) or before a
 * closing mark. */
START_TEST(headline_words)
{
	static const char *const want[][2] = {
	    {"市总工会连续十年开展“暖心伴考”服务",
	     "市总工会|连续|十年|开展|“暖心伴考”|服务"},
	    {"密云区总工会为考生家长提供“一对一”心理服务",
	     "密云区总工会|为考生|家长|提供|“一对一”|心理|服务"},
	    {"顺义区总工会设立2个“暖心伴考”志愿服务站",
	     "顺义区总工会|设立2个|“暖心伴考”|志愿|服务站"},
	    {"天桥街道总工会多举措服务考生和家长",
	     "天桥|街道总工会多举措|服务|考生|和家长"},
	    {"亲子互动 乐享“家庭日”", "亲子互动 乐享|“家庭日”"},
	    {"从2015年到2024年", "从2015年到2024年"},
	    {"", ""},
	};
	size_t i, k, n, *at, from;
	char got[512];

	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		const char *s = want[i][0];

		n = words_breaks(s, strlen(s), &at);
		got[0] = '\0';
		for (k = 0, from = 0; k <= n; k++) {
			size_t to = k < n ? at[k] : strlen(s);

			strncat(got, s + from, to - from);
			if (k < n)
				strcat(got, "|");
			from = to;
		}
		free(at);
		ck_assert_msg(strcmp(got, want[i][1]) == 0, "%s: %s, want %s", s,
		              got, want[i][1]);
	}
	/* No headline is 2 KB long: such a text is left as it is. */
	{
		char *big = xcalloc(2049, 1);

		for (k = 0; k < 2048 / 6; k++)
			memcpy(big + 6 * k, "工会", 6);
		ck_assert_uint_eq(words_breaks(big, strlen(big), &at), 0);
		ck_assert_ptr_null(at);
		free(big);
	}
}
END_TEST

/* The terms search indexes (tools/search.c, and search.js the same):
 * every two Han characters side by side, runs of Latin letters and
 * digits lower-cased (full-width ones as ASCII); punctuation, spaces
 * and digits end a Han run; a word over SEARCH_WORD_MAX bytes is left
 * out. */
static void
join_term(const char *term, size_t len, void *arg)
{
	char *got = arg;

	strcat(got, "|");
	strncat(got, term, len);
}

START_TEST(search_bigrams)
{
	static const char *const want[][2] = {
	    {"暖心伴考", "|暖心|心伴|伴考"},
	    {"“暖心伴考”服务", "|暖心|心伴|伴考|服务"},
	    {"设立2个站", "|设立|2|个站"},
	    {"5G网络 ABC，ｘＹ１", "|5g|网络|abc|xy1"},
	    {"工", ""},
	    {"Press-Test", "|press|test"},
	    {"", ""},
	};
	char got[512], big[SEARCH_WORD_MAX + 2];
	size_t i;

	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		got[0] = '\0';
		search_terms(want[i][0], strlen(want[i][0]), join_term, got);
		ck_assert_msg(strcmp(got, want[i][1]) == 0, "%s: %s, want %s",
		              want[i][0], got, want[i][1]);
	}
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	got[0] = '\0';
	search_terms(big, strlen(big), join_term, got);
	ck_assert_str_eq(got, "");
	big[SEARCH_WORD_MAX] = '\0';
	search_terms(big, strlen(big), join_term, got);
	ck_assert_uint_eq(strlen(got), SEARCH_WORD_MAX + 1);
}
END_TEST

/*
 * unit --lunar prints the lunar date of every day from 1901 to 2100, a
 * line "YYYY-MM-DD YEAR MONTH LEAP DAY" each, for tests/lunar.sh to
 * compare with another source.
 */
static int
print_lunar(void)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30,
	                            31, 31, 30, 31, 30, 31};
	struct lunar l;
	int y, m, d, n;

	for (y = 1901; y <= 2100; y++)
		for (m = 1; m <= 12; m++) {
			n = mdays[m - 1] + (m == 2 && y % 4 == 0 &&
			                    (y % 100 != 0 || y % 400 == 0));
			for (d = 1; d <= n; d++) {
				if (!lunar_date(y, m, d, &l))
					return 1;
				printf("%04d-%02d-%02d %d %d %d %d\n", y, m, d,
				       l.year, l.month, l.leap, l.day);
			}
		}
	return 0;
}

int
main(int argc, char **argv)
{
	Suite *s;
	TCase *tc;
	SRunner *sr;
	int failed;

	if (argc == 2 && strcmp(argv[1], "--lunar") == 0)
		return print_lunar();
	s = suite_create("press");
	tc = tcase_create("pure");
	tcase_add_test(tc, utf8_steps);
	tcase_add_test(tc, char_classes);
	tcase_add_test(tc, read_encodings);
	tcase_add_test(tc, read_refuses);
	tcase_add_test(tc, word_count);
	tcase_add_test(tc, bylines);
	tcase_add_test(tc, relpaths);
	tcase_add_test(tc, check_catches);
	tcase_add_test(tc, check_leaves_alone);
	tcase_add_test(tc, lunar_dates);
	tcase_add_test(tc, headline_words);
	tcase_add_test(tc, search_bigrams);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	printf("%d of %d unit tests passed\n",
	       srunner_ntests_run(sr) - failed, srunner_ntests_run(sr));
	srunner_free(sr);
	return failed == 0 ? 0 : 1;
}
