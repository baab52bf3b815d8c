// The Catapult language (docs/language.md sections 1-4, 9). Newlines end statements, except inside
// ( ) and [ ] where the lexer drops them; inside { } they stay significant (blocks), and the
// record rule skips them explicitly. The interpreter builds an immutable AST from this tree.
grammar Catapult;

@lexer::members {
    /** One entry per open bracket: true for ( and [, where newlines are insignificant. */
    private final java.util.ArrayDeque<Boolean> nesting = new java.util.ArrayDeque<>();
    private void open(boolean ignoreNewlines) { nesting.push(ignoreNewlines); }
    private void close() { if (!nesting.isEmpty()) nesting.pop(); }
    private boolean newlinesIgnored() { return !nesting.isEmpty() && nesting.peek(); }
}

program   : sep* (statement (sep+ statement)*)? sep* EOF ;
sep       : NL | ';' ;
block     : '{' sep* (statement (sep+ statement)*)? sep* '}' ;

statement
    : 'let' ID '=' NL* expr                          # letStmt
    | ID '=' NL* expr                                # assignStmt
    | 'fn' ID '(' params? ')' block                  # fnBlockStmt
    | 'fn' ID '(' params? ')' '=' NL* expr           # fnExprStmt
    | 'arch' ID '(' params? ')' block                # archStmt
    | 'for' ID 'in' expr block                       # forStmt
    | 'while' expr block                             # whileStmt
    | 'return' expr?                                 # returnStmt
    | 'import' STRING                                # importStmt
    | expr                                           # exprStmt
    ;

params    : param (',' param)* ','? ;
param     : ID ('=' expr)? ;

// Alternatives are listed from the tightest binding to the loosest (ANTLR precedence order).
expr
    : primary                                                # primaryExpr
    | expr '(' args? ')'                                     # callExpr
    | expr '.' ID                                            # fieldExpr
    | expr '[' indices ']'                                   # indexExpr
    | <assoc=right> expr '^' expr                            # powExpr
    | '-' expr                                               # negExpr
    | expr op=('*' | '/' | '%' | '@') NL* expr               # mulExpr
    | expr op=('+' | '-') NL* expr                           # addExpr
    | expr '..' expr                                         # rangeExpr
    | expr op=('==' | '!=' | '<' | '<=' | '>' | '>=') NL* expr  # cmpExpr
    | 'not' expr                                             # notExpr
    | expr 'and' NL* expr                                    # andExpr
    | expr 'or' NL* expr                                     # orExpr
    | lambdaParams '=>' NL* block                            # lambdaBlockExpr
    | lambdaParams '=>' NL* expr                             # lambdaExpr
    ;

lambdaParams
    : ID
    | '(' (ID (',' ID)*)? ')'
    ;

primary
    : NUMBER                                                 # numberLit
    | STRING                                                 # stringLit
    | UNTERMINATED_STRING                                    # unterminatedString
    | 'true'                                                 # trueLit
    | 'false'                                                # falseLit
    | 'none'                                                 # noneLit
    | ID                                                     # nameRef
    | '(' expr ')'                                           # parens
    | '[' expr compFor+ ']'                                  # comprehension
    | '[' (expr (',' expr)* ','?)? ']'                       # listLit
    | '{' NL* (field (',' NL* field)* ','? NL*)? '}'         # recordLit
    | ifExpr                                                 # ifPrimary
    ;

compFor   : 'for' ID 'in' expr ('if' expr)? ;
field     : (ID | STRING | NUMBER) ':' NL* expr ;
ifExpr    : 'if' expr block (NL* 'else' (ifExpr | block))? ;

args      : arg (',' arg)* ','? ;
arg       : (ID ':')? expr ;

indices   : index (',' index)* ;
index
    : start=expr? ':' stop=expr? (':' step=expr?)?           # sliceIndex
    | expr                                                   # exprIndex
    ;

// ---- lexer ----
LPAREN    : '(' { open(true); } ;
RPAREN    : ')' { close(); } ;
LBRACK    : '[' { open(true); } ;
RBRACK    : ']' { close(); } ;
LBRACE    : '{' { open(false); } ;
RBRACE    : '}' { close(); } ;

LET : 'let' ; FN : 'fn' ; ARCH : 'arch' ; FOR : 'for' ; IN : 'in' ; IF : 'if' ; ELSE : 'else' ;
WHILE : 'while' ; RETURN : 'return' ; IMPORT : 'import' ; AND : 'and' ; OR : 'or' ; NOT : 'not' ;
TRUE : 'true' ; FALSE : 'false' ; NONE : 'none' ;

ARROW     : '=>' ;
RANGE     : '..' ;
EQ : '==' ; NE : '!=' ; LE : '<=' ; GE : '>=' ; LT : '<' ; GT : '>' ;
ASSIGN    : '=' ;
PLUS : '+' ; MINUS : '-' ; STAR : '*' ; SLASH : '/' ; PERCENT : '%' ; AT : '@' ; CARET : '^' ;
DOT : '.' ; COMMA : ',' ; COLON : ':' ; SEMI : ';' ;

NUMBER    : DIGITS ('.' DIGITS)? EXPONENT? ;
fragment DIGITS   : [0-9] ('_'? [0-9])* ;
fragment EXPONENT : [eE] [+-]? [0-9]+ ;

ID        : [A-Za-z_] [A-Za-z0-9_]* ;

// Strings may span lines; `${...}` interpolations are parsed again by the AST builder.
STRING              : '"' (ESC | INTERP | ~["\\$] | '$')* '"' ;
UNTERMINATED_STRING : '"' (ESC | INTERP | ~["\\$] | '$')* ;
fragment ESC        : '\\' . ;
fragment INTERP     : '${' ~[}]* '}' ;

NL        : ('\r'? '\n') { if (newlinesIgnored()) skip(); } ;
WS        : [ \t]+ -> skip ;
COMMENT   : '#' ~[\r\n]* -> skip ;
ERROR_CHAR: . ;
