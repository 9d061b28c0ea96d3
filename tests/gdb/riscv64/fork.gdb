break work
continue
bt
print x
continue
