handle SIGUSR1 stop print nopass
continue
continue
info registers pc
x/i $pc
info registers fs0 fflags frm fcsr
print $fs0.double
print $fflags = 0x11
info registers fcsr
print $frm = 2
info registers fcsr
print $fcsr = 1
info registers fflags frm
print $a5 = (long)&good
signal 0
