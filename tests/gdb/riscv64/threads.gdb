break add
continue
print v
continue
print v
continue
print v
print total
delete
continue
