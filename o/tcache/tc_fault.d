o/tcache/tc_fault.o: tcache/tc_fault.c tcache/tc_int.h tcache/tcache.h \
 tcache/../xrun.h
tcache/tc_int.h:
tcache/tcache.h:
tcache/../xrun.h:
