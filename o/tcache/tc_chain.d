o/tcache/tc_chain.o: tcache/tc_chain.c tcache/tc_int.h tcache/tcache.h \
 tcache/../xrun.h
tcache/tc_int.h:
tcache/tcache.h:
tcache/../xrun.h:
