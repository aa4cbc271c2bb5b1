/*
 * token.h: the tokens of Go 1.19 and the lexer's interface.
 *
 * The lexer (lex.re, compiled by re2c at build time) turns one source file into an array of tokens,
 * inserting semicolons by the spec's rule (after an identifier, a literal, one of the keywords
 * break/continue/fallthrough/return, or one of ++ -- ) ] } when a line ends or the file ends).
 * Literal tokens keep their raw text; string and rune literals also carry their decoded value, so the
 * checker never re-parses escapes. Number text is converted exactly by constant.c.
 * `//go:` and `//line` comment directives are not tokens; they are kept in a side list for later use.
 */
#ifndef GOCC_TOKEN_H
#define GOCC_TOKEN_H

#include "common.h"

/* X-macro: TOKEN(kind, spelling). Order matters only in that keywords form one contiguous run. */
#define TOKEN_LIST(X)                                                                               \
	X(TOK_EOF, "EOF")                                                                           \
	X(TOK_IDENT, "name")                                                                        \
	X(TOK_INT, "literal")                                                                       \
	X(TOK_FLOAT, "literal")                                                                     \
	X(TOK_IMAG, "literal")                                                                      \
	X(TOK_CHAR, "literal")                                                                      \
	X(TOK_STRING, "literal")                                                                    \
	/* operators and punctuation */                                                             \
	X(TOK_ADD, "+") X(TOK_SUB, "-") X(TOK_MUL, "*") X(TOK_QUO, "/") X(TOK_REM, "%")             \
	X(TOK_AND, "&") X(TOK_OR, "|") X(TOK_XOR, "^") X(TOK_SHL, "<<") X(TOK_SHR, ">>")            \
	X(TOK_AND_NOT, "&^")                                                                        \
	X(TOK_ADD_ASSIGN, "+=") X(TOK_SUB_ASSIGN, "-=") X(TOK_MUL_ASSIGN, "*=")                     \
	X(TOK_QUO_ASSIGN, "/=") X(TOK_REM_ASSIGN, "%=") X(TOK_AND_ASSIGN, "&=")                     \
	X(TOK_OR_ASSIGN, "|=") X(TOK_XOR_ASSIGN, "^=") X(TOK_SHL_ASSIGN, "<<=")                     \
	X(TOK_SHR_ASSIGN, ">>=") X(TOK_AND_NOT_ASSIGN, "&^=")                                       \
	X(TOK_LAND, "&&") X(TOK_LOR, "||") X(TOK_ARROW, "<-") X(TOK_INC, "++") X(TOK_DEC, "--")     \
	X(TOK_EQL, "==") X(TOK_LSS, "<") X(TOK_GTR, ">") X(TOK_ASSIGN, "=") X(TOK_NOT, "!")         \
	X(TOK_TILDE, "~")                                                                           \
	X(TOK_NEQ, "!=") X(TOK_LEQ, "<=") X(TOK_GEQ, ">=") X(TOK_DEFINE, ":=")                      \
	X(TOK_ELLIPSIS, "...")                                                                      \
	X(TOK_LPAREN, "(") X(TOK_LBRACK, "[") X(TOK_LBRACE, "{") X(TOK_COMMA, ",")                  \
	X(TOK_PERIOD, ".") X(TOK_RPAREN, ")") X(TOK_RBRACK, "]") X(TOK_RBRACE, "}")                 \
	X(TOK_SEMICOLON, ";") X(TOK_COLON, ":")                                                     \
	/* keywords */                                                                              \
	X(TOK_BREAK, "break") X(TOK_CASE, "case") X(TOK_CHAN, "chan") X(TOK_CONST, "const")         \
	X(TOK_CONTINUE, "continue") X(TOK_DEFAULT, "default") X(TOK_DEFER, "defer")                 \
	X(TOK_ELSE, "else") X(TOK_FALLTHROUGH, "fallthrough") X(TOK_FOR, "for")                     \
	X(TOK_FUNC, "func") X(TOK_GO, "go") X(TOK_GOTO, "goto") X(TOK_IF, "if")                     \
	X(TOK_IMPORT, "import") X(TOK_INTERFACE, "interface") X(TOK_MAP, "map")                     \
	X(TOK_PACKAGE, "package") X(TOK_RANGE, "range") X(TOK_RETURN, "return")                     \
	X(TOK_SELECT, "select") X(TOK_STRUCT, "struct") X(TOK_SWITCH, "switch")                     \
	X(TOK_TYPE, "type") X(TOK_VAR, "var")

typedef enum TokenKind {
#define X(kind, spelling) kind,
	TOKEN_LIST(X)
#undef X
	TOK_COUNT
} TokenKind;

#define TOK_FIRST_KEYWORD TOK_BREAK
#define TOK_LAST_KEYWORD TOK_VAR

typedef struct Token {
	TokenKind kind;
	Pos pos;
	const char *text; /* raw source text of the token (interned for TOK_IDENT) */
	int len;          /* length of text in bytes */
	bool implicit;    /* TOK_SEMICOLON inserted at a newline or EOF (text is "\n" or "EOF") */
	bool bad;         /* a literal with a lexical error (gc's BasicLit.Bad): its value is unusable */
	bool lex_error;   /* a lexical error was reported while scanning up to this token (the parser
	                     counts it where gc's scanner would, for gc's per-body branch checks) */
	/* TOK_STRING: decoded bytes (may contain NUL); TOK_CHAR: the rune value in `rune`. */
	const char *str;
	size_t str_len;
	int32_t rune;
} Token;

/* A `//go:name args` or `//line` comment directive, in source order. */
typedef struct Directive {
	Pos pos;
	const char *text; /* the comment without the leading "//" */
	bool blank;       /* only blanks before it on its line (gc: a directive must be alone) */
} Directive;

typedef struct TokenList {
	Token *toks;     /* toks[len-1] is TOK_EOF */
	int len;
	Vec directives;  /* Directive* */
} TokenList;

/* Tokenizes a whole file. Lexical errors are reported with error_at (gc's wording) and the lexer
 * recovers, so one run reports every lexical error. Never returns NULL. */
TokenList *lex_file(SourceFile *file);

const char *token_spelling(TokenKind kind); /* "+", "func", "name", "literal", "EOF" ... */
bool token_is_keyword(TokenKind kind);

#endif
