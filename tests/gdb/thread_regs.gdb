break stop_here
continue
thread apply 2 print $x19
thread apply 2 set $x19 = 42
thread apply 2 print $x19
print $x19 == 42
continue
