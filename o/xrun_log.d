o/xrun_log.o: xrun_log.c xrun.h
xrun.h:
