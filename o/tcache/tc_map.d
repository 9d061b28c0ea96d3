o/tcache/tc_map.o: tcache/tc_map.c tcache/tc_int.h tcache/tcache.h \
 tcache/../xrun.h
tcache/tc_int.h:
tcache/tcache.h:
tcache/../xrun.h:
