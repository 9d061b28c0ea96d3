break sum_squares
continue
info registers zero ra sp gp tp t0 t1 t2 fp s1 a0 a1 a2 a3 a4 a5 a6 a7 s2 s3 s4 s5 s6 s7 s8 s9 s10 s11 t3 t4 t5 t6 pc
info registers float
print $x10
print $f8
bt
info args
next
next
info locals
step
bt
step
print x
print r
finish
next
stepi
stepi
stepi
stepi
info registers pc fflags frm fcsr
x/8xg table
x/8xg v
print table[5]
set var table[7] = 100
print table[7]
print $a0 = 7
print $a0
set can-use-hw-watchpoints 0
watch counter
continue
continue
delete
break depth if n == 0
continue
bt
info registers a0 fp ra sp pc
delete
x/2xg 0
print *(long *)8
continue
