break count
continue
bt
info sharedlibrary
break puts
break printf
continue
bt
delete
continue
