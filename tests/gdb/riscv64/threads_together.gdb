break hit
continue
continue
continue
info breakpoints
continue
