break stop_here
continue
set $before = spins
shell sleep 0.5
print spins == $before
print woke
continue
