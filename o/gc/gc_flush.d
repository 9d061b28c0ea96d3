o/gc/gc_flush.o: gc/gc_flush.c gc/gc.h gc/../xrun.h gc/../tcache/tcache.h \
 gc/../tcache/../xrun.h
gc/gc.h:
gc/../xrun.h:
gc/../tcache/tcache.h:
gc/../tcache/../xrun.h:
