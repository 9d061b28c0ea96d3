break area
continue
bt
print *a
print *b
next
next
info locals
x/4xg corners
info registers pc x30
finish
continue
