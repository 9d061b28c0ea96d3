handle SIGUSR1 stop print nopass
continue
continue
info registers pc
x/i $pc
info registers v8 fpsr fpcr
print $v8.d.f[0]
print $x0 = (long)&good
signal 0
