/*
 * lex.re: the Go 1.19 lexer. re2c turns this file into lex.c at build time (`re2c -W --utf8`).
 *
 * In: one SourceFile. Out: a TokenList (every token with its position and raw text, string and rune
 * literals also decoded, semicolons inserted by the spec's rule) plus the `//go:` and `//line`
 * directives; lexical errors go to error_at with the wording and positions of gc's scanner
 * (cmd/compile/internal/syntax/scanner.go), and lexing always continues to the end of the file.
 *
 * The key idea is a split of labour. re2c rules find where each token ends, using exactly the extent
 * gc's hand-written scanner would consume, including for malformed input (a number lexeme is
 * `digits [. digits] [exponent] [i]` whatever the digits are). Small C functions ported from gc then
 * judge the lexeme and report gc's messages: numbers, bad escapes, non-ASCII identifier characters.
 * Well-formed input takes only the DFA's fast paths (a string without escapes points into the source).
 *
 * gc reports and then drops NUL bytes, invalid UTF-8 and misplaced BOMs wherever they occur, even
 * inside a token. A pre-pass does the same: if the file has any such byte, the lexer works on a
 * cleaned copy and maps offsets back to the original file for positions. So the DFA only ever sees
 * valid UTF-8 and a single NUL, the end sentinel.
 *
 * Unicode classes come from tables generated from Go 1.19's unicode package (Unicode 13.0.0): the
 * merged runs of r in [0x80, 0x10FFFF] with unicode.IsLetter(r), with unicode.IsDigit(r), and with
 * !strconv.IsPrint(r) && unicode.In(r, unicode.C, unicode.Z). So identifiers are accepted exactly as
 * gc accepts them. Printability only formats characters in messages (%#U, %q) and is approximate:
 * unassigned code points count as printable, where Go calls them unprintable.
 *
 * Known differences from gc, all on input gc rejects anyway: gc miscounts the line after ".." at the
 * end of a line (its rewind bug) and misses a NUL that falls on one of its reader's buffer refills;
 * gc's token text keeps the dropped bytes.
 *
 * `//line` directives (at the start of a line) and their block-comment form (anywhere) become the
 * file's line bases (base/common.h LineBase) as gc's parser.updateBase makes them, with its errors
 * for bad numbers; a block comment that spans lines is no directive.
 */
#include "token.h"

#include <stdlib.h>
#include <string.h>

enum { LINE_MAX_VALUE = 1 << 30 }; /* gc's PosMax: the largest line or column a directive may give */

/*!re2c
	re2c:define:YYCTYPE = "unsigned char";
	re2c:define:YYCURSOR = "lx->cur";
	re2c:define:YYMARKER = "lx->mark";
	re2c:yyfill:enable = 0;

	nonascii = [\u0080-\U0010FFFF];
	hex = [0-9a-fA-F];
	digits = [0-9_]*;
	exponent = [eEpP] [+-]? digits;
	hexexponent = [pP] [+-]? digits;
*/

/* ---- Unicode tables (generated from Go 1.19's unicode package; code points >= 0x80 only) ----- */

static const uint32_t unicode_letters[][2] = {
	{0xAA, 0xAA}, {0xB5, 0xB5}, {0xBA, 0xBA}, {0xC0, 0xD6},
	{0xD8, 0xF6}, {0xF8, 0x2C1}, {0x2C6, 0x2D1}, {0x2E0, 0x2E4},
	{0x2EC, 0x2EC}, {0x2EE, 0x2EE}, {0x370, 0x374}, {0x376, 0x377},
	{0x37A, 0x37D}, {0x37F, 0x37F}, {0x386, 0x386}, {0x388, 0x38A},
	{0x38C, 0x38C}, {0x38E, 0x3A1}, {0x3A3, 0x3F5}, {0x3F7, 0x481},
	{0x48A, 0x52F}, {0x531, 0x556}, {0x559, 0x559}, {0x560, 0x588},
	{0x5D0, 0x5EA}, {0x5EF, 0x5F2}, {0x620, 0x64A}, {0x66E, 0x66F},
	{0x671, 0x6D3}, {0x6D5, 0x6D5}, {0x6E5, 0x6E6}, {0x6EE, 0x6EF},
	{0x6FA, 0x6FC}, {0x6FF, 0x6FF}, {0x710, 0x710}, {0x712, 0x72F},
	{0x74D, 0x7A5}, {0x7B1, 0x7B1}, {0x7CA, 0x7EA}, {0x7F4, 0x7F5},
	{0x7FA, 0x7FA}, {0x800, 0x815}, {0x81A, 0x81A}, {0x824, 0x824},
	{0x828, 0x828}, {0x840, 0x858}, {0x860, 0x86A}, {0x8A0, 0x8B4},
	{0x8B6, 0x8C7}, {0x904, 0x939}, {0x93D, 0x93D}, {0x950, 0x950},
	{0x958, 0x961}, {0x971, 0x980}, {0x985, 0x98C}, {0x98F, 0x990},
	{0x993, 0x9A8}, {0x9AA, 0x9B0}, {0x9B2, 0x9B2}, {0x9B6, 0x9B9},
	{0x9BD, 0x9BD}, {0x9CE, 0x9CE}, {0x9DC, 0x9DD}, {0x9DF, 0x9E1},
	{0x9F0, 0x9F1}, {0x9FC, 0x9FC}, {0xA05, 0xA0A}, {0xA0F, 0xA10},
	{0xA13, 0xA28}, {0xA2A, 0xA30}, {0xA32, 0xA33}, {0xA35, 0xA36},
	{0xA38, 0xA39}, {0xA59, 0xA5C}, {0xA5E, 0xA5E}, {0xA72, 0xA74},
	{0xA85, 0xA8D}, {0xA8F, 0xA91}, {0xA93, 0xAA8}, {0xAAA, 0xAB0},
	{0xAB2, 0xAB3}, {0xAB5, 0xAB9}, {0xABD, 0xABD}, {0xAD0, 0xAD0},
	{0xAE0, 0xAE1}, {0xAF9, 0xAF9}, {0xB05, 0xB0C}, {0xB0F, 0xB10},
	{0xB13, 0xB28}, {0xB2A, 0xB30}, {0xB32, 0xB33}, {0xB35, 0xB39},
	{0xB3D, 0xB3D}, {0xB5C, 0xB5D}, {0xB5F, 0xB61}, {0xB71, 0xB71},
	{0xB83, 0xB83}, {0xB85, 0xB8A}, {0xB8E, 0xB90}, {0xB92, 0xB95},
	{0xB99, 0xB9A}, {0xB9C, 0xB9C}, {0xB9E, 0xB9F}, {0xBA3, 0xBA4},
	{0xBA8, 0xBAA}, {0xBAE, 0xBB9}, {0xBD0, 0xBD0}, {0xC05, 0xC0C},
	{0xC0E, 0xC10}, {0xC12, 0xC28}, {0xC2A, 0xC39}, {0xC3D, 0xC3D},
	{0xC58, 0xC5A}, {0xC60, 0xC61}, {0xC80, 0xC80}, {0xC85, 0xC8C},
	{0xC8E, 0xC90}, {0xC92, 0xCA8}, {0xCAA, 0xCB3}, {0xCB5, 0xCB9},
	{0xCBD, 0xCBD}, {0xCDE, 0xCDE}, {0xCE0, 0xCE1}, {0xCF1, 0xCF2},
	{0xD04, 0xD0C}, {0xD0E, 0xD10}, {0xD12, 0xD3A}, {0xD3D, 0xD3D},
	{0xD4E, 0xD4E}, {0xD54, 0xD56}, {0xD5F, 0xD61}, {0xD7A, 0xD7F},
	{0xD85, 0xD96}, {0xD9A, 0xDB1}, {0xDB3, 0xDBB}, {0xDBD, 0xDBD},
	{0xDC0, 0xDC6}, {0xE01, 0xE30}, {0xE32, 0xE33}, {0xE40, 0xE46},
	{0xE81, 0xE82}, {0xE84, 0xE84}, {0xE86, 0xE8A}, {0xE8C, 0xEA3},
	{0xEA5, 0xEA5}, {0xEA7, 0xEB0}, {0xEB2, 0xEB3}, {0xEBD, 0xEBD},
	{0xEC0, 0xEC4}, {0xEC6, 0xEC6}, {0xEDC, 0xEDF}, {0xF00, 0xF00},
	{0xF40, 0xF47}, {0xF49, 0xF6C}, {0xF88, 0xF8C}, {0x1000, 0x102A},
	{0x103F, 0x103F}, {0x1050, 0x1055}, {0x105A, 0x105D}, {0x1061, 0x1061},
	{0x1065, 0x1066}, {0x106E, 0x1070}, {0x1075, 0x1081}, {0x108E, 0x108E},
	{0x10A0, 0x10C5}, {0x10C7, 0x10C7}, {0x10CD, 0x10CD}, {0x10D0, 0x10FA},
	{0x10FC, 0x1248}, {0x124A, 0x124D}, {0x1250, 0x1256}, {0x1258, 0x1258},
	{0x125A, 0x125D}, {0x1260, 0x1288}, {0x128A, 0x128D}, {0x1290, 0x12B0},
	{0x12B2, 0x12B5}, {0x12B8, 0x12BE}, {0x12C0, 0x12C0}, {0x12C2, 0x12C5},
	{0x12C8, 0x12D6}, {0x12D8, 0x1310}, {0x1312, 0x1315}, {0x1318, 0x135A},
	{0x1380, 0x138F}, {0x13A0, 0x13F5}, {0x13F8, 0x13FD}, {0x1401, 0x166C},
	{0x166F, 0x167F}, {0x1681, 0x169A}, {0x16A0, 0x16EA}, {0x16F1, 0x16F8},
	{0x1700, 0x170C}, {0x170E, 0x1711}, {0x1720, 0x1731}, {0x1740, 0x1751},
	{0x1760, 0x176C}, {0x176E, 0x1770}, {0x1780, 0x17B3}, {0x17D7, 0x17D7},
	{0x17DC, 0x17DC}, {0x1820, 0x1878}, {0x1880, 0x1884}, {0x1887, 0x18A8},
	{0x18AA, 0x18AA}, {0x18B0, 0x18F5}, {0x1900, 0x191E}, {0x1950, 0x196D},
	{0x1970, 0x1974}, {0x1980, 0x19AB}, {0x19B0, 0x19C9}, {0x1A00, 0x1A16},
	{0x1A20, 0x1A54}, {0x1AA7, 0x1AA7}, {0x1B05, 0x1B33}, {0x1B45, 0x1B4B},
	{0x1B83, 0x1BA0}, {0x1BAE, 0x1BAF}, {0x1BBA, 0x1BE5}, {0x1C00, 0x1C23},
	{0x1C4D, 0x1C4F}, {0x1C5A, 0x1C7D}, {0x1C80, 0x1C88}, {0x1C90, 0x1CBA},
	{0x1CBD, 0x1CBF}, {0x1CE9, 0x1CEC}, {0x1CEE, 0x1CF3}, {0x1CF5, 0x1CF6},
	{0x1CFA, 0x1CFA}, {0x1D00, 0x1DBF}, {0x1E00, 0x1F15}, {0x1F18, 0x1F1D},
	{0x1F20, 0x1F45}, {0x1F48, 0x1F4D}, {0x1F50, 0x1F57}, {0x1F59, 0x1F59},
	{0x1F5B, 0x1F5B}, {0x1F5D, 0x1F5D}, {0x1F5F, 0x1F7D}, {0x1F80, 0x1FB4},
	{0x1FB6, 0x1FBC}, {0x1FBE, 0x1FBE}, {0x1FC2, 0x1FC4}, {0x1FC6, 0x1FCC},
	{0x1FD0, 0x1FD3}, {0x1FD6, 0x1FDB}, {0x1FE0, 0x1FEC}, {0x1FF2, 0x1FF4},
	{0x1FF6, 0x1FFC}, {0x2071, 0x2071}, {0x207F, 0x207F}, {0x2090, 0x209C},
	{0x2102, 0x2102}, {0x2107, 0x2107}, {0x210A, 0x2113}, {0x2115, 0x2115},
	{0x2119, 0x211D}, {0x2124, 0x2124}, {0x2126, 0x2126}, {0x2128, 0x2128},
	{0x212A, 0x212D}, {0x212F, 0x2139}, {0x213C, 0x213F}, {0x2145, 0x2149},
	{0x214E, 0x214E}, {0x2183, 0x2184}, {0x2C00, 0x2C2E}, {0x2C30, 0x2C5E},
	{0x2C60, 0x2CE4}, {0x2CEB, 0x2CEE}, {0x2CF2, 0x2CF3}, {0x2D00, 0x2D25},
	{0x2D27, 0x2D27}, {0x2D2D, 0x2D2D}, {0x2D30, 0x2D67}, {0x2D6F, 0x2D6F},
	{0x2D80, 0x2D96}, {0x2DA0, 0x2DA6}, {0x2DA8, 0x2DAE}, {0x2DB0, 0x2DB6},
	{0x2DB8, 0x2DBE}, {0x2DC0, 0x2DC6}, {0x2DC8, 0x2DCE}, {0x2DD0, 0x2DD6},
	{0x2DD8, 0x2DDE}, {0x2E2F, 0x2E2F}, {0x3005, 0x3006}, {0x3031, 0x3035},
	{0x303B, 0x303C}, {0x3041, 0x3096}, {0x309D, 0x309F}, {0x30A1, 0x30FA},
	{0x30FC, 0x30FF}, {0x3105, 0x312F}, {0x3131, 0x318E}, {0x31A0, 0x31BF},
	{0x31F0, 0x31FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFC}, {0xA000, 0xA48C},
	{0xA4D0, 0xA4FD}, {0xA500, 0xA60C}, {0xA610, 0xA61F}, {0xA62A, 0xA62B},
	{0xA640, 0xA66E}, {0xA67F, 0xA69D}, {0xA6A0, 0xA6E5}, {0xA717, 0xA71F},
	{0xA722, 0xA788}, {0xA78B, 0xA7BF}, {0xA7C2, 0xA7CA}, {0xA7F5, 0xA801},
	{0xA803, 0xA805}, {0xA807, 0xA80A}, {0xA80C, 0xA822}, {0xA840, 0xA873},
	{0xA882, 0xA8B3}, {0xA8F2, 0xA8F7}, {0xA8FB, 0xA8FB}, {0xA8FD, 0xA8FE},
	{0xA90A, 0xA925}, {0xA930, 0xA946}, {0xA960, 0xA97C}, {0xA984, 0xA9B2},
	{0xA9CF, 0xA9CF}, {0xA9E0, 0xA9E4}, {0xA9E6, 0xA9EF}, {0xA9FA, 0xA9FE},
	{0xAA00, 0xAA28}, {0xAA40, 0xAA42}, {0xAA44, 0xAA4B}, {0xAA60, 0xAA76},
	{0xAA7A, 0xAA7A}, {0xAA7E, 0xAAAF}, {0xAAB1, 0xAAB1}, {0xAAB5, 0xAAB6},
	{0xAAB9, 0xAABD}, {0xAAC0, 0xAAC0}, {0xAAC2, 0xAAC2}, {0xAADB, 0xAADD},
	{0xAAE0, 0xAAEA}, {0xAAF2, 0xAAF4}, {0xAB01, 0xAB06}, {0xAB09, 0xAB0E},
	{0xAB11, 0xAB16}, {0xAB20, 0xAB26}, {0xAB28, 0xAB2E}, {0xAB30, 0xAB5A},
	{0xAB5C, 0xAB69}, {0xAB70, 0xABE2}, {0xAC00, 0xD7A3}, {0xD7B0, 0xD7C6},
	{0xD7CB, 0xD7FB}, {0xF900, 0xFA6D}, {0xFA70, 0xFAD9}, {0xFB00, 0xFB06},
	{0xFB13, 0xFB17}, {0xFB1D, 0xFB1D}, {0xFB1F, 0xFB28}, {0xFB2A, 0xFB36},
	{0xFB38, 0xFB3C}, {0xFB3E, 0xFB3E}, {0xFB40, 0xFB41}, {0xFB43, 0xFB44},
	{0xFB46, 0xFBB1}, {0xFBD3, 0xFD3D}, {0xFD50, 0xFD8F}, {0xFD92, 0xFDC7},
	{0xFDF0, 0xFDFB}, {0xFE70, 0xFE74}, {0xFE76, 0xFEFC}, {0xFF21, 0xFF3A},
	{0xFF41, 0xFF5A}, {0xFF66, 0xFFBE}, {0xFFC2, 0xFFC7}, {0xFFCA, 0xFFCF},
	{0xFFD2, 0xFFD7}, {0xFFDA, 0xFFDC}, {0x10000, 0x1000B}, {0x1000D, 0x10026},
	{0x10028, 0x1003A}, {0x1003C, 0x1003D}, {0x1003F, 0x1004D}, {0x10050, 0x1005D},
	{0x10080, 0x100FA}, {0x10280, 0x1029C}, {0x102A0, 0x102D0}, {0x10300, 0x1031F},
	{0x1032D, 0x10340}, {0x10342, 0x10349}, {0x10350, 0x10375}, {0x10380, 0x1039D},
	{0x103A0, 0x103C3}, {0x103C8, 0x103CF}, {0x10400, 0x1049D}, {0x104B0, 0x104D3},
	{0x104D8, 0x104FB}, {0x10500, 0x10527}, {0x10530, 0x10563}, {0x10600, 0x10736},
	{0x10740, 0x10755}, {0x10760, 0x10767}, {0x10800, 0x10805}, {0x10808, 0x10808},
	{0x1080A, 0x10835}, {0x10837, 0x10838}, {0x1083C, 0x1083C}, {0x1083F, 0x10855},
	{0x10860, 0x10876}, {0x10880, 0x1089E}, {0x108E0, 0x108F2}, {0x108F4, 0x108F5},
	{0x10900, 0x10915}, {0x10920, 0x10939}, {0x10980, 0x109B7}, {0x109BE, 0x109BF},
	{0x10A00, 0x10A00}, {0x10A10, 0x10A13}, {0x10A15, 0x10A17}, {0x10A19, 0x10A35},
	{0x10A60, 0x10A7C}, {0x10A80, 0x10A9C}, {0x10AC0, 0x10AC7}, {0x10AC9, 0x10AE4},
	{0x10B00, 0x10B35}, {0x10B40, 0x10B55}, {0x10B60, 0x10B72}, {0x10B80, 0x10B91},
	{0x10C00, 0x10C48}, {0x10C80, 0x10CB2}, {0x10CC0, 0x10CF2}, {0x10D00, 0x10D23},
	{0x10E80, 0x10EA9}, {0x10EB0, 0x10EB1}, {0x10F00, 0x10F1C}, {0x10F27, 0x10F27},
	{0x10F30, 0x10F45}, {0x10FB0, 0x10FC4}, {0x10FE0, 0x10FF6}, {0x11003, 0x11037},
	{0x11083, 0x110AF}, {0x110D0, 0x110E8}, {0x11103, 0x11126}, {0x11144, 0x11144},
	{0x11147, 0x11147}, {0x11150, 0x11172}, {0x11176, 0x11176}, {0x11183, 0x111B2},
	{0x111C1, 0x111C4}, {0x111DA, 0x111DA}, {0x111DC, 0x111DC}, {0x11200, 0x11211},
	{0x11213, 0x1122B}, {0x11280, 0x11286}, {0x11288, 0x11288}, {0x1128A, 0x1128D},
	{0x1128F, 0x1129D}, {0x1129F, 0x112A8}, {0x112B0, 0x112DE}, {0x11305, 0x1130C},
	{0x1130F, 0x11310}, {0x11313, 0x11328}, {0x1132A, 0x11330}, {0x11332, 0x11333},
	{0x11335, 0x11339}, {0x1133D, 0x1133D}, {0x11350, 0x11350}, {0x1135D, 0x11361},
	{0x11400, 0x11434}, {0x11447, 0x1144A}, {0x1145F, 0x11461}, {0x11480, 0x114AF},
	{0x114C4, 0x114C5}, {0x114C7, 0x114C7}, {0x11580, 0x115AE}, {0x115D8, 0x115DB},
	{0x11600, 0x1162F}, {0x11644, 0x11644}, {0x11680, 0x116AA}, {0x116B8, 0x116B8},
	{0x11700, 0x1171A}, {0x11800, 0x1182B}, {0x118A0, 0x118DF}, {0x118FF, 0x11906},
	{0x11909, 0x11909}, {0x1190C, 0x11913}, {0x11915, 0x11916}, {0x11918, 0x1192F},
	{0x1193F, 0x1193F}, {0x11941, 0x11941}, {0x119A0, 0x119A7}, {0x119AA, 0x119D0},
	{0x119E1, 0x119E1}, {0x119E3, 0x119E3}, {0x11A00, 0x11A00}, {0x11A0B, 0x11A32},
	{0x11A3A, 0x11A3A}, {0x11A50, 0x11A50}, {0x11A5C, 0x11A89}, {0x11A9D, 0x11A9D},
	{0x11AC0, 0x11AF8}, {0x11C00, 0x11C08}, {0x11C0A, 0x11C2E}, {0x11C40, 0x11C40},
	{0x11C72, 0x11C8F}, {0x11D00, 0x11D06}, {0x11D08, 0x11D09}, {0x11D0B, 0x11D30},
	{0x11D46, 0x11D46}, {0x11D60, 0x11D65}, {0x11D67, 0x11D68}, {0x11D6A, 0x11D89},
	{0x11D98, 0x11D98}, {0x11EE0, 0x11EF2}, {0x11FB0, 0x11FB0}, {0x12000, 0x12399},
	{0x12480, 0x12543}, {0x13000, 0x1342E}, {0x14400, 0x14646}, {0x16800, 0x16A38},
	{0x16A40, 0x16A5E}, {0x16AD0, 0x16AED}, {0x16B00, 0x16B2F}, {0x16B40, 0x16B43},
	{0x16B63, 0x16B77}, {0x16B7D, 0x16B8F}, {0x16E40, 0x16E7F}, {0x16F00, 0x16F4A},
	{0x16F50, 0x16F50}, {0x16F93, 0x16F9F}, {0x16FE0, 0x16FE1}, {0x16FE3, 0x16FE3},
	{0x17000, 0x187F7}, {0x18800, 0x18CD5}, {0x18D00, 0x18D08}, {0x1B000, 0x1B11E},
	{0x1B150, 0x1B152}, {0x1B164, 0x1B167}, {0x1B170, 0x1B2FB}, {0x1BC00, 0x1BC6A},
	{0x1BC70, 0x1BC7C}, {0x1BC80, 0x1BC88}, {0x1BC90, 0x1BC99}, {0x1D400, 0x1D454},
	{0x1D456, 0x1D49C}, {0x1D49E, 0x1D49F}, {0x1D4A2, 0x1D4A2}, {0x1D4A5, 0x1D4A6},
	{0x1D4A9, 0x1D4AC}, {0x1D4AE, 0x1D4B9}, {0x1D4BB, 0x1D4BB}, {0x1D4BD, 0x1D4C3},
	{0x1D4C5, 0x1D505}, {0x1D507, 0x1D50A}, {0x1D50D, 0x1D514}, {0x1D516, 0x1D51C},
	{0x1D51E, 0x1D539}, {0x1D53B, 0x1D53E}, {0x1D540, 0x1D544}, {0x1D546, 0x1D546},
	{0x1D54A, 0x1D550}, {0x1D552, 0x1D6A5}, {0x1D6A8, 0x1D6C0}, {0x1D6C2, 0x1D6DA},
	{0x1D6DC, 0x1D6FA}, {0x1D6FC, 0x1D714}, {0x1D716, 0x1D734}, {0x1D736, 0x1D74E},
	{0x1D750, 0x1D76E}, {0x1D770, 0x1D788}, {0x1D78A, 0x1D7A8}, {0x1D7AA, 0x1D7C2},
	{0x1D7C4, 0x1D7CB}, {0x1E100, 0x1E12C}, {0x1E137, 0x1E13D}, {0x1E14E, 0x1E14E},
	{0x1E2C0, 0x1E2EB}, {0x1E800, 0x1E8C4}, {0x1E900, 0x1E943}, {0x1E94B, 0x1E94B},
	{0x1EE00, 0x1EE03}, {0x1EE05, 0x1EE1F}, {0x1EE21, 0x1EE22}, {0x1EE24, 0x1EE24},
	{0x1EE27, 0x1EE27}, {0x1EE29, 0x1EE32}, {0x1EE34, 0x1EE37}, {0x1EE39, 0x1EE39},
	{0x1EE3B, 0x1EE3B}, {0x1EE42, 0x1EE42}, {0x1EE47, 0x1EE47}, {0x1EE49, 0x1EE49},
	{0x1EE4B, 0x1EE4B}, {0x1EE4D, 0x1EE4F}, {0x1EE51, 0x1EE52}, {0x1EE54, 0x1EE54},
	{0x1EE57, 0x1EE57}, {0x1EE59, 0x1EE59}, {0x1EE5B, 0x1EE5B}, {0x1EE5D, 0x1EE5D},
	{0x1EE5F, 0x1EE5F}, {0x1EE61, 0x1EE62}, {0x1EE64, 0x1EE64}, {0x1EE67, 0x1EE6A},
	{0x1EE6C, 0x1EE72}, {0x1EE74, 0x1EE77}, {0x1EE79, 0x1EE7C}, {0x1EE7E, 0x1EE7E},
	{0x1EE80, 0x1EE89}, {0x1EE8B, 0x1EE9B}, {0x1EEA1, 0x1EEA3}, {0x1EEA5, 0x1EEA9},
	{0x1EEAB, 0x1EEBB}, {0x20000, 0x2A6DD}, {0x2A700, 0x2B734}, {0x2B740, 0x2B81D},
	{0x2B820, 0x2CEA1}, {0x2CEB0, 0x2EBE0}, {0x2F800, 0x2FA1D}, {0x30000, 0x3134A},
};

static const uint32_t unicode_digits[][2] = {
	{0x660, 0x669}, {0x6F0, 0x6F9}, {0x7C0, 0x7C9}, {0x966, 0x96F},
	{0x9E6, 0x9EF}, {0xA66, 0xA6F}, {0xAE6, 0xAEF}, {0xB66, 0xB6F},
	{0xBE6, 0xBEF}, {0xC66, 0xC6F}, {0xCE6, 0xCEF}, {0xD66, 0xD6F},
	{0xDE6, 0xDEF}, {0xE50, 0xE59}, {0xED0, 0xED9}, {0xF20, 0xF29},
	{0x1040, 0x1049}, {0x1090, 0x1099}, {0x17E0, 0x17E9}, {0x1810, 0x1819},
	{0x1946, 0x194F}, {0x19D0, 0x19D9}, {0x1A80, 0x1A89}, {0x1A90, 0x1A99},
	{0x1B50, 0x1B59}, {0x1BB0, 0x1BB9}, {0x1C40, 0x1C49}, {0x1C50, 0x1C59},
	{0xA620, 0xA629}, {0xA8D0, 0xA8D9}, {0xA900, 0xA909}, {0xA9D0, 0xA9D9},
	{0xA9F0, 0xA9F9}, {0xAA50, 0xAA59}, {0xABF0, 0xABF9}, {0xFF10, 0xFF19},
	{0x104A0, 0x104A9}, {0x10D30, 0x10D39}, {0x11066, 0x1106F}, {0x110F0, 0x110F9},
	{0x11136, 0x1113F}, {0x111D0, 0x111D9}, {0x112F0, 0x112F9}, {0x11450, 0x11459},
	{0x114D0, 0x114D9}, {0x11650, 0x11659}, {0x116C0, 0x116C9}, {0x11730, 0x11739},
	{0x118E0, 0x118E9}, {0x11950, 0x11959}, {0x11C50, 0x11C59}, {0x11D50, 0x11D59},
	{0x11DA0, 0x11DA9}, {0x16A60, 0x16A69}, {0x16B50, 0x16B59}, {0x1D7CE, 0x1D7FF},
	{0x1E140, 0x1E149}, {0x1E2F0, 0x1E2F9}, {0x1E950, 0x1E959}, {0x1FBF0, 0x1FBF9},
};

static const uint32_t unicode_unprintable[][2] = {
	{0x80, 0xA0}, {0xAD, 0xAD}, {0x600, 0x605}, {0x61C, 0x61C},
	{0x6DD, 0x6DD}, {0x70F, 0x70F}, {0x8E2, 0x8E2}, {0x1680, 0x1680},
	{0x180E, 0x180E}, {0x2000, 0x200F}, {0x2028, 0x202F}, {0x205F, 0x2064},
	{0x2066, 0x206F}, {0x3000, 0x3000}, {0xD800, 0xF8FF}, {0xFEFF, 0xFEFF},
	{0xFFF9, 0xFFFB}, {0x110BD, 0x110BD}, {0x110CD, 0x110CD}, {0x13430, 0x13438},
	{0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A}, {0xE0001, 0xE0001}, {0xE0020, 0xE007F},
	{0xF0000, 0xFFFFD}, {0x100000, 0x10FFFD},
};

#define TABLE_LEN(t) (sizeof(t) / sizeof((t)[0]))

static bool in_table(const uint32_t (*table)[2], size_t n, uint32_t r)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (r < table[mid][0])
			hi = mid;
		else if (r > table[mid][1])
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

/* unicode.IsLetter for a non-ASCII rune */
static bool is_unicode_letter(uint32_t r)
{
	return in_table(unicode_letters, TABLE_LEN(unicode_letters), r);
}

/* unicode.IsDigit for a non-ASCII rune */
static bool is_unicode_digit(uint32_t r)
{
	return in_table(unicode_digits, TABLE_LEN(unicode_digits), r);
}

/* strconv.IsPrint, approximated for unassigned code points (see the file comment) */
static bool is_printable(uint32_t r)
{
	if (r < 0x80)
		return r >= 0x20 && r < 0x7F;
	if (r > 0x10FFFF)
		return false;
	return !in_table(unicode_unprintable, TABLE_LEN(unicode_unprintable), r);
}

/* ---- Go's formatting verbs used in gc's messages --------------------------------------------- */

/* fmt's %#U: "U+0040 '@'", or just "U+0007" when the rune is not printable */
static const char *fmt_unicode(uint32_t r)
{
	if (!is_printable(r))
		return xsprintf("U+%04X", r);
	char buf[UTF8_MAX_LEN];
	return xsprintf("U+%04X '%.*s'", r, utf8_encode(buf, r), buf);
}

/* fmt's %q applied to a rune (strconv.QuoteRune): 'x', '\n', '\x01', '\u00a0' */
static const char *fmt_quote_rune(uint32_t r)
{
	static const char simple[] = "\a\b\f\n\r\t\v";
	static const char names[] = "abfnrtv";
	if (r == '\'' || r == '\\')
		return xsprintf("'\\%c'", (char)r);
	if (r > 0x10FFFF || (r >= 0xD800 && r < 0xE000))
		r = 0xFFFD;
	if (is_printable(r)) {
		char buf[UTF8_MAX_LEN];
		return xsprintf("'%.*s'", utf8_encode(buf, r), buf);
	}
	const char *s = r != 0 ? strchr(simple, (int)r) : NULL;
	if (s)
		return xsprintf("'\\%c'", names[s - simple]);
	if (r < 0x80)
		return xsprintf("'\\x%02x'", r);
	if (r < 0x10000)
		return xsprintf("'\\u%04x'", r);
	return xsprintf("'\\U%08x'", r);
}

static const char *base_name(int base)
{
	switch (base) {
	case 2:
		return "binary";
	case 8:
		return "octal";
	case 10:
		return "decimal";
	default:
		return "hexadecimal";
	}
}

/* ---- the lexer state ------------------------------------------------------------------------- */

typedef struct Lexer {
	SourceFile *file;
	const unsigned char *src;  /* text being lexed: the file's, or its cleaned copy */
	const unsigned char *lim;  /* end of src, where the NUL sentinel sits */
	const unsigned char *cur;  /* re2c's YYCURSOR */
	const unsigned char *mark; /* re2c's YYMARKER */
	int line;                  /* line of cur */
	size_t line_start;         /* offset in the original file of the first byte of that line */
	bool nlsemi;               /* a newline or EOF here becomes a semicolon */
	/* Bytes the pre-pass removed: from cleaned offset gap_off[i] on, gap_sum[i] are missing. */
	size_t *gap_off, *gap_sum;
	int ngaps;
	TokenList *out;
	int cap;                   /* capacity of out->toks */
	int errors_seen;           /* error_count() when the last token was emitted */
	const unsigned char *prev_end; /* end of the last token emitted */
} Lexer;

/* The rune at p inside the lexed text [src, lim) (valid UTF-8 once lex_clean has run), decoded
 * by base/utf8.h, into *r; returns its width. */
static int lex_decode(const Lexer *lx, const unsigned char *p, uint32_t *r)
{
	int width;
	*r = (uint32_t)utf8_decode(p, (size_t)(lx->lim - p), &width);
	return width;
}

/* ---- positions ------------------------------------------------------------------------------- */

/* Offset in the original file of the byte at p. */
static size_t lex_offset(const Lexer *lx, const unsigned char *p)
{
	size_t off = (size_t)(p - lx->src);
	int lo = 0, hi = lx->ngaps; /* find the last gap with gap_off <= off */
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (lx->gap_off[mid] <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 ? off + lx->gap_sum[lo - 1] : off;
}

/* Position of p, which must be on the current line. */
static Pos lex_pos(const Lexer *lx, const unsigned char *p)
{
	return (Pos){lx->file->index, lx->line, (int)(lex_offset(lx, p) - lx->line_start) + 1};
}

/* Accounts for the newline at nl. */
static void lex_newline(Lexer *lx, const unsigned char *nl)
{
	lx->line++;
	lx->line_start = lex_offset(lx, nl) + 1;
}

/* Accounts for every newline in [p, end). */
static void lex_newlines(Lexer *lx, const unsigned char *p, const unsigned char *end)
{
	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL)
		lex_newline(lx, p++);
}

/* ---- the pre-pass: NUL, invalid UTF-8 and BOM ------------------------------------------------ */

/* Length of the byte sequence at s[i] that gc drops with an error (NUL, an invalid UTF-8 byte, a BOM
 * past the start), or 0 if it is an ordinary character; *len receives the character's length. */
static int bad_char_len(const unsigned char *s, size_t size, size_t i, int *len)
{
	if (s[i] == 0)
		return *len = 1;
	if (s[i] < 0x80)
		return (*len = 1), 0;
	int n;
	if (utf8_decode(s + i, size - i, &n) == UTF8_RUNE_ERROR && n == 1)
		return *len = 1;
	*len = n;
	return n == 3 && s[i] == 0xEF && s[i + 1] == 0xBB && s[i + 2] == 0xBF && i > 0 ? 3 : 0;
}

static void lex_add_gap(Lexer *lx, size_t cleaned_off, size_t removed, int *cap)
{
	if (lx->ngaps > 0 && lx->gap_off[lx->ngaps - 1] == cleaned_off) {
		lx->gap_sum[lx->ngaps - 1] += removed;
		return;
	}
	if (lx->ngaps == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		lx->gap_off = xrealloc(lx->gap_off, sizeof(size_t) * lx->ngaps, sizeof(size_t) * *cap);
		lx->gap_sum = xrealloc(lx->gap_sum, sizeof(size_t) * lx->ngaps, sizeof(size_t) * *cap);
	}
	lx->gap_off[lx->ngaps] = cleaned_off;
	lx->gap_sum[lx->ngaps] = (lx->ngaps ? lx->gap_sum[lx->ngaps - 1] : 0) + removed;
	lx->ngaps++;
}

/* Reports every bad character and lexes a copy without them. Only called when there is one. */
static void lex_clean(Lexer *lx)
{
	const unsigned char *s = (const unsigned char *)lx->file->text;
	size_t n = lx->file->len, out_len = 0, line_start = 0;
	unsigned char *out = xalloc(n + 1);
	int line = 1, cap = 0, len;
	for (size_t i = 0; i < n; i += (size_t)len) {
		int bad = bad_char_len(s, n, i, &len);
		if (bad == 0) {
			memcpy(out + out_len, s + i, (size_t)len);
			out_len += (size_t)len;
			if (s[i] == '\n')
				line++, line_start = i + 1;
			continue;
		}
		Pos pos = {lx->file->index, line, (int)(i - line_start) + 1};
		if (s[i] == 0 && i == 0) /* gc's reader lets a NUL at offset 0 through to the scanner */
			error_at(pos, "invalid character U+0000");
		else if (s[i] == 0)
			error_at(pos, "invalid NUL character");
		else if (bad == 1)
			error_at(pos, "invalid UTF-8 encoding");
		else
			error_at(pos, "invalid BOM in the middle of the file");
		lex_add_gap(lx, out_len, (size_t)bad, &cap);
	}
	lx->src = out;
	lx->lim = out + out_len;
}

/* Sets up src/lim: the file itself when it is clean (the common case, one fast scan), else a copy. */
static void lex_prepare(Lexer *lx)
{
	const unsigned char *s = (const unsigned char *)lx->file->text;
	size_t n = lx->file->len;
	lx->src = s;
	lx->lim = s + n;
	for (size_t i = 0; i < n;) {
		if (s[i] != 0 && s[i] < 0x80) {
			i++;
			continue;
		}
		int len;
		if (bad_char_len(s, n, i, &len)) {
			lex_clean(lx);
			return;
		}
		i += (size_t)len;
	}
}

/* ---- emitting tokens ------------------------------------------------------------------------- */

static bool lex_spans_gap(const Lexer *lx, const unsigned char *start, const unsigned char *end);

/* Appends a token of kind spanning [start, lx->cur) and applies the semicolon rule's memory. */
static Token *lex_emit(Lexer *lx, TokenKind kind, const unsigned char *start)
{
	TokenList *out = lx->out;
	if (out->len == lx->cap) {
		lx->cap *= 2;
		out->toks = realloc(out->toks, sizeof(Token) * (size_t)lx->cap);
		if (!out->toks)
			internal_error("out of memory for tokens");
	}
	Token *t = &out->toks[out->len++];
	*t = (Token){.kind = kind, .pos = lex_pos(lx, start), .text = (const char *)start,
		     .len = (int)(lx->cur - start)};
	/* errors since the previous token, the pre-pass's bad bytes included, are gc's while scanning
	   this one */
	if (error_count() != lx->errors_seen || (lx->ngaps > 0 && lex_spans_gap(lx, lx->prev_end, lx->cur))) {
		t->lex_error = true;
		lx->errors_seen = error_count();
	}
	lx->prev_end = lx->cur;
	switch (kind) {
	case TOK_IDENT: case TOK_INT: case TOK_FLOAT: case TOK_IMAG: case TOK_CHAR: case TOK_STRING:
	case TOK_BREAK: case TOK_CONTINUE: case TOK_FALLTHROUGH: case TOK_RETURN:
	case TOK_INC: case TOK_DEC: case TOK_RPAREN: case TOK_RBRACK: case TOK_RBRACE:
		lx->nlsemi = true;
		break;
	default:
		lx->nlsemi = false;
		break;
	}
	return t;
}

/* The semicolon that a newline (text "\n") or the end of the file (text "EOF") at `at` stands for. */
static void lex_implicit_semicolon(Lexer *lx, const unsigned char *at, const char *text)
{
	const unsigned char *cur = lx->cur;
	lx->cur = at;
	Token *t = lex_emit(lx, TOK_SEMICOLON, at);
	lx->cur = cur;
	t->text = text;
	t->len = (int)strlen(text);
	t->implicit = true;
}

/* ---- identifiers ----------------------------------------------------------------------------- */

/* gc's atIdentChar for the non-ASCII characters of an identifier lexeme [s, end): Unicode letters and
 * digits belong to identifiers; any other non-ASCII character is reported but still taken in. */
static void lex_check_ident(Lexer *lx, const unsigned char *s, const unsigned char *end)
{
	for (const unsigned char *p = s; p < end;) {
		uint32_t r;
		if (*p < 0x80) {
			p++;
			continue;
		}
		int w = lex_decode(lx, p, &r);
		if (is_unicode_digit(r)) {
			if (p == s)
				error_at(lex_pos(lx, p), "identifier cannot begin with digit %s",
					 fmt_unicode(r));
		} else if (!is_unicode_letter(r)) {
			error_at(lex_pos(lx, p), "invalid character %s in identifier", fmt_unicode(r));
		}
		p += w;
	}
}

static void lex_ident(Lexer *lx, const unsigned char *start, bool ascii)
{
	if (!ascii)
		lex_check_ident(lx, start, lx->cur);
	Token *t = lex_emit(lx, TOK_IDENT, start);
	t->text = intern(t->text, (size_t)t->len);
}

/* Whether the pre-pass removed bytes inside [start, end) or right after it (gc's reader drops them
 * while fetching the character after the token, so they are part of gc's token text). */
static bool lex_spans_gap(const Lexer *lx, const unsigned char *start, const unsigned char *end)
{
	size_t lo = (size_t)(start - lx->src), hi = (size_t)(end - lx->src);
	int a = 0, b = lx->ngaps; /* find the first gap after lo */
	while (a < b) {
		int mid = (a + b) / 2;
		if (lx->gap_off[mid] <= lo)
			a = mid + 1;
		else
			b = mid;
	}
	return a < lx->ngaps && lx->gap_off[a] <= hi;
}

/* A keyword, unless gc would see it with dropped bytes in its text and so take it for an identifier. */
static void lex_keyword(Lexer *lx, TokenKind kind, const unsigned char *start)
{
	if (lx->ngaps > 0 && lex_spans_gap(lx, start, lx->cur))
		lex_ident(lx, start, true);
	else
		lex_emit(lx, kind, start);
}

/* ---- numbers --------------------------------------------------------------------------------- */

static int lower(int c)
{
	return c | ('a' - 'A');
}

static bool is_decimal(int c)
{
	return c >= '0' && c <= '9';
}

static bool is_hex(int c)
{
	return is_decimal(c) || (lower(c) >= 'a' && lower(c) <= 'f');
}

/* gc's digits(): skips { digit | '_' } from s[*i]; for base <= 10 records in *invalid the offset of
 * the first digit >= base. Returns bit 0 if there were digits, bit 1 if there were separators. */
static int number_digits(const unsigned char *s, int len, int *i, int base, int *invalid)
{
	int digsep = 0;
	for (; *i < len && (s[*i] == '_' || (base <= 10 ? is_decimal(s[*i]) : is_hex(s[*i]))); ++*i) {
		if (s[*i] == '_') {
			digsep |= 2;
			continue;
		}
		digsep |= 1;
		if (base <= 10 && s[*i] >= '0' + base && *invalid < 0)
			*invalid = *i;
	}
	return digsep;
}

/* gc's invalidSep(): offset of the first '_' in x that does not separate digits, or -1. */
static int number_invalid_sep(const unsigned char *x, int len)
{
	int x1 = ' ', d = '.', i = 0; /* d: '_', '0' (a digit) or '.' (anything else) */
	if (len >= 2 && x[0] == '0') {
		x1 = lower(x[1]);
		if (x1 == 'x' || x1 == 'o' || x1 == 'b')
			d = '0', i = 2;
	}
	for (; i < len; i++) {
		int p = d;
		d = x[i];
		if (d == '_') {
			if (p != '0')
				return i;
		} else if (is_decimal(d) || (x1 == 'x' && is_hex(d))) {
			d = '0';
		} else {
			if (p == '_')
				return i - 1;
			d = '.';
		}
	}
	return d == '_' ? len - 1 : -1;
}

/* The exponent, 'i' suffix and final checks of gc's number(), from s[i]; returns the kind. */
static TokenKind number_tail(Lexer *lx, const unsigned char *s, int len, int i, TokenKind kind,
			     int base, int prefix, int digsep, int invalid, bool *okp)
{
	bool ok = *okp;
	int e = i < len ? lower(s[i]) : 0;
	if (e == 'e' || e == 'p') {
		if (ok && e == 'e' && prefix != 0 && prefix != '0') {
			error_at(lex_pos(lx, s + i), "%s exponent requires decimal mantissa",
				 fmt_quote_rune(s[i]));
			ok = false;
		} else if (ok && e == 'p' && prefix != 'x') {
			error_at(lex_pos(lx, s + i), "%s exponent requires hexadecimal mantissa",
				 fmt_quote_rune(s[i]));
			ok = false;
		}
		i++;
		kind = TOK_FLOAT;
		if (i < len && (s[i] == '+' || s[i] == '-'))
			i++;
		digsep = number_digits(s, len, &i, 10, &(int){-1}) | (digsep & 2);
		if (!(digsep & 1) && ok) {
			error_at(lex_pos(lx, s + i), "exponent has no digits");
			ok = false;
		}
	} else if (prefix == 'x' && kind == TOK_FLOAT && ok) {
		error_at(lex_pos(lx, s + i), "hexadecimal mantissa requires a 'p' exponent");
		ok = false;
	}
	if (i < len && s[i] == 'i')
		kind = TOK_IMAG;
	if (kind == TOK_INT && invalid >= 0 && ok) {
		error_at(lex_pos(lx, s + invalid), "invalid digit %s in %s literal",
			 fmt_quote_rune(s[invalid]), base_name(base));
		ok = false;
	}
	int sep;
	if ((digsep & 2) && ok && (sep = number_invalid_sep(s, len)) >= 0) {
		error_at(lex_pos(lx, s + sep), "'_' must separate successive digits");
		ok = false;
	}
	*okp = ok;
	return kind;
}

/* gc's number() run over the lexeme [s, lx->cur), which the rules delimited exactly as gc would:
 * reports gc's errors and emits the INT, FLOAT or IMAG token. */
static void lex_number(Lexer *lx, const unsigned char *s)
{
	int len = (int)(lx->cur - s), i = 0, base = 10, prefix = 0, digsep = 0, invalid = -1;
	TokenKind kind = TOK_INT;
	bool ok = true, seen_point = s[0] == '.';
	if (seen_point) {
		i = 1;
	} else {
		if (s[0] == '0') {
			i = 1;
			switch (lower(s[1])) { /* a prefix letter is always inside the lexeme */
			case 'x': base = 16, prefix = 'x', i++; break;
			case 'o': base = 8, prefix = 'o', i++; break;
			case 'b': base = 2, prefix = 'b', i++; break;
			default: base = 8, prefix = '0', digsep = 1; break;
			}
		}
		digsep |= number_digits(s, len, &i, base, &invalid);
		if (i < len && s[i] == '.') {
			if (prefix == 'o' || prefix == 'b') {
				error_at(lex_pos(lx, s + i), "invalid radix point in %s literal",
					 base_name(base));
				ok = false;
			}
			i++;
			seen_point = true;
		}
	}
	if (seen_point) {
		kind = TOK_FLOAT;
		digsep |= number_digits(s, len, &i, base, &invalid);
	}
	if (!(digsep & 1) && ok) {
		error_at(lex_pos(lx, s + i), "%s literal has no digits", base_name(base));
		ok = false;
	}
	kind = number_tail(lx, s, len, i, kind, base, prefix, digsep, invalid, &ok);
	lex_emit(lx, kind, s)->bad = !ok;
}

/* ---- escapes, strings and runes -------------------------------------------------------------- */

/*!re2c
	escape_common = "\\" [abfnrtv\\] | "\\" [0-7]{3} | "\\x" hex{2} | "\\u" hex{4} | "\\U" hex{8};
	string_escape = escape_common | "\\\"";
	rune_escape = escape_common | "\\'";
*/

static int hex_value(int c)
{
	return is_decimal(c) ? c - '0' : lower(c) - 'a' + 10;
}

/* The value of the well-formed escape [p, lx->cur), or -1 after reporting a value out of range. */
static int64_t lex_escape_value(Lexer *lx, const unsigned char *p)
{
	static const char simple[] = "a\ab\bf\fn\nr\rt\tv\v";
	int64_t x = 0;
	if (p[1] >= '0' && p[1] <= '7') {
		for (p++; p < lx->cur; p++)
			x = x * 8 + (*p - '0');
		if (x > 255) {
			error_at(lex_pos(lx, lx->cur), "octal escape value %d > 255", (int)x);
			return -1;
		}
		return x;
	}
	if (p[1] != 'x' && p[1] != 'u' && p[1] != 'U') {
		const char *s = strchr(simple, p[1]); /* a letter escape, or \\ \' \" */
		return s ? s[1] : p[1];
	}
	for (p += 2; p < lx->cur; p++)
		x = x * 16 + hex_value(*p);
	if (x > 0x10FFFF || (x >= 0xD800 && x < 0xE000)) {
		error_at(lex_pos(lx, lx->cur), "escape is invalid Unicode code point %s",
			 fmt_unicode((uint32_t)x));
		return -1;
	}
	return x;
}

/* gc's escape() for a backslash at lx->cur[-1] that starts no well-formed escape: reports the error and
 * leaves the cursor where gc's scanner stops, which is where the enclosing literal resumes. Returns
 * false if it reported an error (true at EOF, which the caller reports). */
static bool lex_bad_escape(Lexer *lx)
{
	const unsigned char *p = lx->cur;
	int n, base;
	if (p == lx->lim)
		return true;
	switch (*p) {
	case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
		n = 3, base = 8;
		break;
	case 'x':
		n = 2, base = 16, p++;
		break;
	case 'u':
		n = 4, base = 16, p++;
		break;
	case 'U':
		n = 8, base = 16, p++;
		break;
	default:
		error_at(lex_pos(lx, p), "unknown escape");
		return false;
	}
	for (; n > 0 && p < lx->lim; n--, p++) {
		if (!is_hex(*p) || hex_value(*p) >= base) {
			uint32_t r;
			lex_decode(lx, p, &r);
			error_at(lex_pos(lx, p), "invalid character %s in %s escape", fmt_quote_rune(r),
				 base_name(base));
			lx->cur = p;
			return false;
		}
	}
	lx->cur = p;
	return true;
}

/* interpreted_string_lit = `"` { unicode_value | byte_value } `"` .
 * The slow path, for strings with escapes or errors; the opening quote at start is consumed. */
static void lex_string(Lexer *lx, const unsigned char *start)
{
	int errors = error_count();
	StrBuf b = {0};
	char buf[4];
	for (;;) {
		const unsigned char *p = lx->cur;
		int64_t x;
	/*!re2c
		["]              { break; }
		[^"\\\n\x00]+    { sb_put(&b, (const char *)p, (size_t)(lx->cur - p)); continue; }
		string_escape    {
			if ((x = lex_escape_value(lx, p)) < 0)
				continue;
			if (p[1] == 'u' || p[1] == 'U')
				sb_put(&b, buf, (size_t)utf8_encode(buf, (uint32_t)x));
			else
				sb_putc(&b, (char)x);
			continue;
		}
		"\\"             { lex_bad_escape(lx); continue; }
		"\n"             { lx->cur = p; error_at(lex_pos(lx, p), "newline in string"); break; }
		"\x00"           {
			lx->cur = p;
			error_at(lex_pos(lx, start), "string not terminated");
			break;
		}
		*                { sb_putc(&b, (char)*p); continue; }
	*/
	}
	Token *t = lex_emit(lx, TOK_STRING, start);
	t->str = b.data ? b.data : "";
	t->str_len = b.len;
	t->bad = error_count() != errors;
}

/* raw_string_lit = "`" { unicode_char | newline } "`" .  Carriage returns are not part of the value. */
static void lex_raw_string(Lexer *lx, const unsigned char *start, bool terminated)
{
	Token *t = lex_emit(lx, TOK_STRING, start);
	t->bad = !terminated;
	const unsigned char *body = start + 1, *end = lx->cur - terminated;
	size_t n = (size_t)(end - body);
	if (!memchr(body, '\r', n)) {
		t->str = (const char *)body;
		t->str_len = n;
	} else {
		char *s = xalloc(n + 1);
		size_t len = 0;
		for (const unsigned char *p = body; p < end; p++)
			if (*p != '\r')
				s[len++] = (char)*p;
		t->str = s;
		t->str_len = len;
	}
	lex_newlines(lx, body, end);
}

/* rune_lit = "'" ( unicode_value | byte_value ) "'" .
 * The slow path, for escapes and errors; the opening quote at start is consumed. */
static void lex_rune(Lexer *lx, const unsigned char *start)
{
	int errors = error_count();
	bool ok = true;
	int64_t value = 0, x;
	for (int n = 0;; n++) {
		const unsigned char *p = lx->cur;
	/*!re2c
		[']            {
			if (ok && n == 0)
				error_at(lex_pos(lx, p), "empty rune literal or unescaped '");
			else if (ok && n != 1)
				error_at(lex_pos(lx, start), "more than one character in rune literal");
			break;
		}
		rune_escape    {
			if ((x = lex_escape_value(lx, p)) < 0)
				ok = false;
			else if (n == 0)
				value = x;
			continue;
		}
		"\\"           { ok = lex_bad_escape(lx) && ok; continue; }
		"\n"           {
			lx->cur = p;
			if (ok)
				error_at(lex_pos(lx, p), "newline in rune literal");
			break;
		}
		"\x00"         {
			lx->cur = p;
			if (ok)
				error_at(lex_pos(lx, start), "rune literal not terminated");
			break;
		}
		*              {
			uint32_t r;
			lx->cur = p + lex_decode(lx, p, &r);
			if (n == 0)
				value = r;
			continue;
		}
	*/
	}
	Token *t = lex_emit(lx, TOK_CHAR, start);
	t->rune = (int32_t)value;
	t->bad = error_count() != errors;
}

/* ---- comments -------------------------------------------------------------------------------- */

/* gc's trailingDigits over [text, text+len): the offset just past the last ':' (0: there is none),
 * and whether digits follow it (*ok) with their value, saturated just above gc's PosMax (2^30). */
static size_t trailing_number(const char *text, size_t len, int *n, bool *ok)
{
	size_t i = len;
	while (i > 0 && text[i - 1] != ':')
		i--;
	if (i == 0)
		return 0;
	int64_t v = 0;
	*ok = i < len;
	for (size_t k = i; k < len && *ok; k++) {
		*ok = text[k] >= '0' && text[k] <= '9';
		v = v * 10 + (text[k] - '0');
		if (v > LINE_MAX_VALUE)
			v = LINE_MAX_VALUE + 1;
	}
	*n = (int)v;
	return i;
}

/* The line directive whose text after "line " is [text, text+len), text[0] being at column tcol,
 * taking effect at `at` (gc's parser.updateBase, with its errors). */
static void lex_line_directive(Lexer *lx, const char *text, size_t len, int tcol, Pos at)
{
	Pos here = {lx->file->index, lx->line, tcol};
	int n, n2;
	bool ok, ok2 = false;
	size_t i = trailing_number(text, len, &n, &ok);
	if (i == 0)
		return; /* no line directive */
	if (!ok) {
		here.col += (int)i;
		error_at(here, "invalid line number: %.*s", (int)(len - i), text + i);
		return;
	}
	int line = n, col = 0;
	size_t i2 = trailing_number(text, i - 1, &n2, &ok2);
	if (ok2) {
		/* file:line:col */
		if (n == 0 || n > LINE_MAX_VALUE) {
			here.col += (int)i;
			error_at(here, "invalid column number: %.*s", (int)(len - i), text + i);
			return;
		}
		line = n2;
		col = n;
		len = i - 1;
		i = i2;
	}
	if (line == 0 || line > LINE_MAX_VALUE) {
		here.col += (int)i;
		error_at(here, "invalid line number: %.*s", (int)(len - i), text + i);
		return;
	}
	LineBase *b = xnew(LineBase);
	b->line = at.line;
	b->col = at.col;
	b->rel_line = line;
	b->rel_col = col;
	b->filename = xstrndup(text, i - 1);
	if (!b->filename[0] && col) {
		/* file:line:col without the file keeps the current one */
		Vec *bases = &lx->file->line_bases;
		b->filename = bases->len ? ((LineBase *)bases->data[bases->len - 1])->filename : NULL;
	}
	source_add_line_base(lx->file, b);
}

/* Records the directive whose text (without the comment markers) is [text, end). */
static void lex_directive(Lexer *lx, const unsigned char *start, const unsigned char *text,
			  const unsigned char *end)
{
	while (end > text && end[-1] == '\r')
		end--;
	Directive *d = xnew(Directive);
	d->pos = lex_pos(lx, start);
	const unsigned char *b = start;
	while (b > lx->src && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '\r'))
		b--;
	d->blank = b == lx->src || b[-1] == '\n';
	d->text = xstrndup((const char *)text, (size_t)(end - text));
	vec_push(&lx->out->directives, d);
	if (strncmp(d->text, "line ", 5) != 0)
		return;
	size_t len = strlen(d->text) - 5;
	if (start[1] == '/' && d->pos.col == 1)
		lex_line_directive(lx, d->text + 5, len, d->pos.col + 7, (Pos){lx->file->index, lx->line + 1, 1});
	else if (start[1] == '*' && !memchr(d->text, '\n', len + 5))
		lex_line_directive(lx, d->text + 5, len, d->pos.col + 7, lex_pos(lx, end + 2));
}

/* A general comment [start, lx->cur) containing a newline acts like a newline. */
static void lex_block_comment(Lexer *lx, const unsigned char *start)
{
	if (!memchr(start, '\n', (size_t)(lx->cur - start)))
		return;
	if (lx->nlsemi)
		lex_implicit_semicolon(lx, start, "\n");
	lex_newlines(lx, start, lx->cur);
}

/* ---- the token loop -------------------------------------------------------------------------- */

/*!re2c
	comment_rest = ([^*\x00] | "*"+ [^*/\x00])* "*"+ "/";
	line_rest = [^\n\x00]*;

	// Number lexemes, shaped as gc's number() consumes them, valid or not (lex_number judges them).
	decimal_number = ([0-9] digits | "0" [oObB] digits) ("." digits)? exponent? "i"?;
	point_number = "." [0-9] digits exponent? "i"?;
	hex_number = "0" [xX] [0-9a-fA-F_]* ("." [0-9a-fA-F_]*)? hexexponent? "i"?;
*/

static void lex_tokens(Lexer *lx)
{
	for (;;) {
		const unsigned char *tok = lx->cur;
	/*!re2c
		[ \t\r]+         { continue; }
		"\n"             {
			if (lx->nlsemi)
				lex_implicit_semicolon(lx, tok, "\n");
			lex_newline(lx, tok);
			continue;
		}
		"\x00"           { lx->cur = tok; return; }

		"//go:" line_rest | "//line " line_rest {
			lex_directive(lx, tok, tok + 2, lx->cur);
			continue;
		}
		"//" line_rest   { continue; }
		"/*line " comment_rest {
			lex_directive(lx, tok, tok + 2, lx->cur - 2);
			lex_block_comment(lx, tok);
			continue;
		}
		"/*" comment_rest { lex_block_comment(lx, tok); continue; }
		"/*"             {
			error_at(lex_pos(lx, tok), "comment not terminated");
			lx->cur = lx->lim;
			lex_block_comment(lx, tok);
			continue;
		}

		"break"          { lex_keyword(lx, TOK_BREAK, tok); continue; }
		"case"           { lex_keyword(lx, TOK_CASE, tok); continue; }
		"chan"           { lex_keyword(lx, TOK_CHAN, tok); continue; }
		"const"          { lex_keyword(lx, TOK_CONST, tok); continue; }
		"continue"       { lex_keyword(lx, TOK_CONTINUE, tok); continue; }
		"default"        { lex_keyword(lx, TOK_DEFAULT, tok); continue; }
		"defer"          { lex_keyword(lx, TOK_DEFER, tok); continue; }
		"else"           { lex_keyword(lx, TOK_ELSE, tok); continue; }
		"fallthrough"    { lex_keyword(lx, TOK_FALLTHROUGH, tok); continue; }
		"for"            { lex_keyword(lx, TOK_FOR, tok); continue; }
		"func"           { lex_keyword(lx, TOK_FUNC, tok); continue; }
		"go"             { lex_keyword(lx, TOK_GO, tok); continue; }
		"goto"           { lex_keyword(lx, TOK_GOTO, tok); continue; }
		"if"             { lex_keyword(lx, TOK_IF, tok); continue; }
		"import"         { lex_keyword(lx, TOK_IMPORT, tok); continue; }
		"interface"      { lex_keyword(lx, TOK_INTERFACE, tok); continue; }
		"map"            { lex_keyword(lx, TOK_MAP, tok); continue; }
		"package"        { lex_keyword(lx, TOK_PACKAGE, tok); continue; }
		"range"          { lex_keyword(lx, TOK_RANGE, tok); continue; }
		"return"         { lex_keyword(lx, TOK_RETURN, tok); continue; }
		"select"         { lex_keyword(lx, TOK_SELECT, tok); continue; }
		"struct"         { lex_keyword(lx, TOK_STRUCT, tok); continue; }
		"switch"         { lex_keyword(lx, TOK_SWITCH, tok); continue; }
		"type"           { lex_keyword(lx, TOK_TYPE, tok); continue; }
		"var"            { lex_keyword(lx, TOK_VAR, tok); continue; }

		[a-zA-Z_] [a-zA-Z_0-9]* { lex_ident(lx, tok, true); continue; }
		([a-zA-Z_] | nonascii) ([a-zA-Z_0-9] | nonascii)* {
			lex_ident(lx, tok, false);
			continue;
		}

		decimal_number | point_number | hex_number { lex_number(lx, tok); continue; }

		["] [^"\\\n\x00]* ["] {
			Token *t = lex_emit(lx, TOK_STRING, tok);
			t->str = (const char *)tok + 1;
			t->str_len = (size_t)(t->len - 2);
			continue;
		}
		["]              { lex_string(lx, tok); continue; }
		"`" [^`\x00]* "`" { lex_raw_string(lx, tok, true); continue; }
		"`"              {
			error_at(lex_pos(lx, tok), "string not terminated");
			lx->cur = lx->lim;
			lex_raw_string(lx, tok, false);
			continue;
		}
		['] [^'\\\n\x00] ['] {
			uint32_t r;
			lex_decode(lx, tok + 1, &r);
			lex_emit(lx, TOK_CHAR, tok)->rune = (int32_t)r;
			continue;
		}
		[']              { lex_rune(lx, tok); continue; }

		"+"   { lex_emit(lx, TOK_ADD, tok); continue; }
		"-"   { lex_emit(lx, TOK_SUB, tok); continue; }
		"*"   { lex_emit(lx, TOK_MUL, tok); continue; }
		"/"   { lex_emit(lx, TOK_QUO, tok); continue; }
		"%"   { lex_emit(lx, TOK_REM, tok); continue; }
		"&"   { lex_emit(lx, TOK_AND, tok); continue; }
		"|"   { lex_emit(lx, TOK_OR, tok); continue; }
		"^"   { lex_emit(lx, TOK_XOR, tok); continue; }
		"<<"  { lex_emit(lx, TOK_SHL, tok); continue; }
		">>"  { lex_emit(lx, TOK_SHR, tok); continue; }
		"&^"  { lex_emit(lx, TOK_AND_NOT, tok); continue; }
		"+="  { lex_emit(lx, TOK_ADD_ASSIGN, tok); continue; }
		"-="  { lex_emit(lx, TOK_SUB_ASSIGN, tok); continue; }
		"*="  { lex_emit(lx, TOK_MUL_ASSIGN, tok); continue; }
		"/="  { lex_emit(lx, TOK_QUO_ASSIGN, tok); continue; }
		"%="  { lex_emit(lx, TOK_REM_ASSIGN, tok); continue; }
		"&="  { lex_emit(lx, TOK_AND_ASSIGN, tok); continue; }
		"|="  { lex_emit(lx, TOK_OR_ASSIGN, tok); continue; }
		"^="  { lex_emit(lx, TOK_XOR_ASSIGN, tok); continue; }
		"<<=" { lex_emit(lx, TOK_SHL_ASSIGN, tok); continue; }
		">>=" { lex_emit(lx, TOK_SHR_ASSIGN, tok); continue; }
		"&^=" { lex_emit(lx, TOK_AND_NOT_ASSIGN, tok); continue; }
		"&&"  { lex_emit(lx, TOK_LAND, tok); continue; }
		"||"  { lex_emit(lx, TOK_LOR, tok); continue; }
		"<-"  { lex_emit(lx, TOK_ARROW, tok); continue; }
		"++"  { lex_emit(lx, TOK_INC, tok); continue; }
		"--"  { lex_emit(lx, TOK_DEC, tok); continue; }
		"=="  { lex_emit(lx, TOK_EQL, tok); continue; }
		"<"   { lex_emit(lx, TOK_LSS, tok); continue; }
		">"   { lex_emit(lx, TOK_GTR, tok); continue; }
		"="   { lex_emit(lx, TOK_ASSIGN, tok); continue; }
		"!"   { lex_emit(lx, TOK_NOT, tok); continue; }
		"~"   { lex_emit(lx, TOK_TILDE, tok); continue; }
		"!="  { lex_emit(lx, TOK_NEQ, tok); continue; }
		"<="  { lex_emit(lx, TOK_LEQ, tok); continue; }
		">="  { lex_emit(lx, TOK_GEQ, tok); continue; }
		":="  { lex_emit(lx, TOK_DEFINE, tok); continue; }
		"..." { lex_emit(lx, TOK_ELLIPSIS, tok); continue; }
		"("   { lex_emit(lx, TOK_LPAREN, tok); continue; }
		"["   { lex_emit(lx, TOK_LBRACK, tok); continue; }
		"{"   { lex_emit(lx, TOK_LBRACE, tok); continue; }
		","   { lex_emit(lx, TOK_COMMA, tok); continue; }
		"."   { lex_emit(lx, TOK_PERIOD, tok); continue; }
		")"   { lex_emit(lx, TOK_RPAREN, tok); continue; }
		"]"   { lex_emit(lx, TOK_RBRACK, tok); continue; }
		"}"   { lex_emit(lx, TOK_RBRACE, tok); continue; }
		";"   { lex_emit(lx, TOK_SEMICOLON, tok); continue; }
		":"   { lex_emit(lx, TOK_COLON, tok); continue; }

		*     {
			error_at(lex_pos(lx, tok), "invalid character %s", fmt_unicode(*tok));
			continue;
		}
	*/
	}
}

/* ---- the interface --------------------------------------------------------------------------- */

/* The token array lives outside the arena (malloc/realloc) so that growing it leaves no dead copies. */
TokenList *lex_file(SourceFile *file)
{
	Lexer lx = {.file = file, .line = 1};
	TokenList *out = lx.out = xnew(TokenList);
	lex_prepare(&lx);
	lx.errors_seen = error_count();
	lx.cur = lx.src;
	lx.prev_end = lx.src;
	if (lx.lim - lx.src >= 3 && memcmp(lx.src, "\xEF\xBB\xBF", 3) == 0)
		lx.cur += 3; /* a BOM at the very start is ignored (its bytes still count in columns) */
	lx.cap = (int)(file->len / 8) + 64;
	out->toks = malloc(sizeof(Token) * (size_t)lx.cap);
	if (!out->toks)
		internal_error("out of memory for tokens");
	lex_tokens(&lx);
	if (lx.nlsemi)
		lex_implicit_semicolon(&lx, lx.lim, "EOF");
	Token *eof = lex_emit(&lx, TOK_EOF, lx.lim);
	eof->text = "EOF";
	eof->len = 3;
	Token *toks = realloc(out->toks, sizeof(Token) * (size_t)out->len);
	if (toks)
		out->toks = toks;
	return out;
}

static const char *const token_spellings[] = {
#define X(kind, spelling) [kind] = spelling,
	TOKEN_LIST(X)
#undef X
};

const char *token_spelling(TokenKind kind)
{
	if (kind < 0 || kind >= TOK_COUNT)
		internal_error("token_spelling: bad token kind %d", (int)kind);
	return token_spellings[kind];
}

bool token_is_keyword(TokenKind kind)
{
	return kind >= TOK_FIRST_KEYWORD && kind <= TOK_LAST_KEYWORD;
}
