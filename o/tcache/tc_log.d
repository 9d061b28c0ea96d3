o/tcache/tc_log.o: tcache/tc_log.c tcache/tc_int.h tcache/tcache.h \
 tcache/../xrun.h
tcache/tc_int.h:
tcache/tcache.h:
tcache/../xrun.h:
