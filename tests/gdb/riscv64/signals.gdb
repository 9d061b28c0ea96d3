continue
print got
continue
bt
info registers pc
print n
x/2i $pc
continue
