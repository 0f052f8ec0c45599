/* Reads a few simulated sensors on pthreads and reports them with the environment's unit. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct sensor {
  int id;
  double value;
};

static void *read_sensor(void *arg) {
  struct sensor *s = arg;
  const char *unit = getenv("SENSOR_UNIT"); /* not thread-safe against setenv elsewhere */
  s->value = (double)(rand() % 1000) / 10.0;
  printf("sensor %d: %.1f %s\n", s->id, s->value, unit ? unit : "C");
  return NULL;
}

int main(void) {
  struct sensor sensors[4];
  pthread_t threads[4];
  for (int i = 0; i < 4; ++i) {
    sensors[i].id = i;
    pthread_create(&threads[i], NULL, read_sensor, &sensors[i]);
  }
  for (int i = 0; i < 4; ++i)
    pthread_join(threads[i], NULL);
  return 0;
}
