/* linked_list.c - a singly linked list: push, in-place reverse, merge sort,
 * removal of every third node, and a doubly linked list used as a deque. */
#include <stdio.h>
#include <stdlib.h>

struct node {
  long v;
  struct node *next;
};
static struct node *push(struct node *h, long v) {
  struct node *n = malloc(sizeof *n);
  n->v = v;
  n->next = h;
  return n;
}
static struct node *reverse(struct node *h) {
  struct node *r = NULL;
  while (h) {
    struct node *n = h->next;
    h->next = r;
    r = h;
    h = n;
  }
  return r;
}
static struct node *merge(struct node *a, struct node *b) {
  struct node head, *t = &head;
  while (a && b) {
    if (a->v <= b->v) {
      t->next = a;
      a = a->next;
    } else {
      t->next = b;
      b = b->next;
    }
    t = t->next;
  }
  t->next = a ? a : b;
  return head.next;
}
static struct node *msort(struct node *h) {
  if (!h || !h->next)
    return h;
  struct node *slow = h, *fast = h->next;
  while (fast && fast->next) {
    slow = slow->next;
    fast = fast->next->next;
  }
  struct node *b = slow->next;
  slow->next = NULL;
  return merge(msort(h), msort(b));
}
static void summary(const char *what, struct node *h) {
  long n = 0, sum = 0, first = h ? h->v : -1, last = -1;
  for (; h; h = h->next) {
    n++;
    sum += h->v * n;
    last = h->v;
  }
  printf("%s: n=%ld first=%ld last=%ld wsum=%ld\n", what, n, first, last, sum);
}

struct dnode {
  int v;
  struct dnode *prev, *next;
};

int main(void) {
  struct node *h = NULL;
  for (long i = 0; i < 20000; i++)
    h = push(h, (i * 7919) % 20011);
  summary("pushed", h);
  h = reverse(h);
  summary("reversed", h);
  h = msort(h);
  summary("sorted", h);
  int k = 0;
  for (struct node **pp = &h; *pp;) {
    if (++k % 3 == 0) {
      struct node *d = *pp;
      *pp = d->next;
      free(d);
    } else
      pp = &(*pp)->next;
  }
  summary("thinned", h);
  while (h) {
    struct node *n = h->next;
    free(h);
    h = n;
  }

  struct dnode sentinel = {0, &sentinel, &sentinel};
  for (int i = 0; i < 1000; i++) {
    struct dnode *n = malloc(sizeof *n);
    n->v = i;
    if (i % 2) {
      n->next = sentinel.next;
      n->prev = &sentinel;
      sentinel.next->prev = n;
      sentinel.next = n;
    } else {
      n->prev = sentinel.prev;
      n->next = &sentinel;
      sentinel.prev->next = n;
      sentinel.prev = n;
    }
  }
  long acc = 0;
  for (int i = 0; i < 600; i++) {
    struct dnode *n = i % 3 ? sentinel.next : sentinel.prev;
    acc = acc * 3 + n->v;
    acc %= 1000000007;
    n->prev->next = n->next;
    n->next->prev = n->prev;
    free(n);
  }
  int left = 0;
  for (struct dnode *n = sentinel.next; n != &sentinel; n = n->next)
    left++;
  printf("deque acc=%ld left=%d\n", acc, left);
  return 0;
}
