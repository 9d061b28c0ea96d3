break stop_here
set print address off
continue
shell sleep 0.6
print got
continue
print got
continue
