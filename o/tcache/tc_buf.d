o/tcache/tc_buf.o: tcache/tc_buf.c tcache/tc_int.h tcache/tcache.h \
 tcache/../xrun.h
tcache/tc_int.h:
tcache/tcache.h:
tcache/../xrun.h:
