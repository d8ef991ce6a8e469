" Vim syntax for Strata rule files (docs/editors.md): Neovim and Vim highlight with this, not with the
" TextMate grammar. EditorGrammarTests checks that the keywords, functions and units below are the ones
" the lexer, the checker and the parser know.
if exists("b:current_syntax")
  finish
endif

" Keywords are found in any letter case, as the lexer reads them.
syntax case ignore
syntax keyword strataStatement load set let derive segment tiers show count export assert include schema summarize print overlap
syntax keyword strataClause from where otherwise limit order by asc desc columns to
syntax keyword strataOperatorWord and or not in between is
syntax keyword strataConstant null true false
syntax case match

" Of two matches at one place the one defined last wins: a date over a number.
" A function when a ( follows; a field may be called like one (`year > 3`).
syntax match strataFunction "\<\(abc\|abs\|avg\|ceil\|coalesce\|concat\|contains\|count\|date\|day\|day_of_year\|days\|days_between\|ends_with\|exp\|first\|floor\|if\|last\|length\|ln\|log10\|lower\|max\|median\|min\|month\|months\|months_between\|ntile\|number\|percentile\|pow\|rank\|round\|sqrt\|starts_with\|stddev\|sum\|text\|upper\|weekday\|year\|years_between\)\ze\s*("
syntax match strataNumber "\<\d\(_\=\d\)*\(\.\d\(_\=\d\)*\)\=\([eE][+-]\=\d\(_\=\d\)*\)\=[万亿]\="
syntax match strataDate "\<\d\{4}-\d\{1,2}-\d\{1,2}\>"
" A duration's unit follows its number on the same line.
syntax match strataUnit "\(\d\s*\)\@<=\<\(day\|days\|week\|weeks\|month\|months\|year\|years\)\>"
syntax match strataMember "\.\@<=\k\+"
syntax match strataQuotedName "`[^`]\+`"
syntax match strataEscape contained "\\\([\\\"'ntr]\|u{\x\{1,8}}\)"
syntax region strataString start=+"+ skip=+\\\\\|\\"+ end=+"+ end=+$+ contains=strataEscape
syntax region strataString start=+'+ skip=+\\\\\|\\'+ end=+'+ end=+$+ contains=strataEscape
syntax match strataOperator "==\|!=\|<=\|>=\|[<>=+\-*/%]"
" What the lexer reads but reports: write !=, and, or, not.
syntax match strataError "<>\|&&\=\|||\=\|!\(=\)\@!"
syntax match strataComment "#.*$" contains=@Spell

highlight default link strataStatement Statement
highlight default link strataClause Keyword
highlight default link strataOperatorWord Operator
highlight default link strataConstant Constant
highlight default link strataFunction Function
highlight default link strataDate Number
highlight default link strataNumber Number
highlight default link strataUnit Type
highlight default link strataMember Identifier
highlight default link strataQuotedName Identifier
highlight default link strataEscape SpecialChar
highlight default link strataString String
highlight default link strataOperator Operator
highlight default link strataError Error
highlight default link strataComment Comment

let b:current_syntax = "strata"
