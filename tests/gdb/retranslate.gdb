break marker
continue
print ticks
break tick
break retranslate.c:20
continue
print i
print ticks
continue
print i
delete 2
continue
continue
print i
delete
continue
