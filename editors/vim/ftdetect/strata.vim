" Strata rule files (docs/editors.md).
autocmd BufRead,BufNewFile *.strata setfiletype strata
