/*
 * The benchmark's upstream: a minimal OpenAI-shaped HTTP/1.1 server on 127.0.0.1, one blocking
 * thread per connection, keep-alive, no busy polling.
 *
 *   mock serve PORT SMALL.json LARGE.json   serve until killed
 *   mock load PORT PATH SECONDS             one keep-alive client in a loop: the server's capacity
 *
 * Routes, by the start of the request path:
 *   /small/...                   the small canned chat completion
 *   /large/...                   the large canned chat completion
 *   /sse/COUNT/INTERVAL_MS/...   a chat completion stream of COUNT deltas, INTERVAL_MS apart
 *                                (0: all at once), then the finish, usage and [DONE] events
 *   /sse/COUNT/INTERVAL_MS/FIRST_MS/...  the same, the first delta FIRST_MS after the headers
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static char *small_body, *large_body;
static size_t small_len, large_len;

static char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(1); }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc(n);
    if (fread(b, 1, n, f) != (size_t) n) { perror(path); exit(1); }
    fclose(f);
    *len = n;
    return b;
}

static int write_all(int fd, const char *b, size_t n) {
    while (n > 0) {
        ssize_t w = send(fd, b, n, MSG_NOSIGNAL);
        if (w < 0) { if (errno == EINTR) continue; return -1; }
        b += w; n -= w;
    }
    return 0;
}

/* One SSE event as one HTTP chunk. */
static int chunk(int fd, const char *event) {
    char head[32];
    size_t n = strlen(event);
    int h = snprintf(head, sizeof head, "%zx\r\n", n);
    char buf[1024];
    if (h + n + 2 > sizeof buf) return -1;
    memcpy(buf, head, h);
    memcpy(buf + h, event, n);
    memcpy(buf + h + n, "\r\n", 2);
    return write_all(fd, buf, h + n + 2);
}

#define PREFIX "data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1741569952," \
    "\"model\":\"gpt-4o-mini-2024-07-18\",\"system_fingerprint\":\"fp_06737a9306\",\"choices\":["

static int stream(int fd, int count, int interval_ms, int first_ms) {
    static const char head[] = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
        "Transfer-Encoding: chunked\r\nx-request-id: req-bench\r\n\r\n";
    if (write_all(fd, head, sizeof head - 1)) return -1;
    char ev[1024];
    struct timespec pause = { interval_ms / 1000, (long) (interval_ms % 1000) * 1000000L };
    struct timespec first = { first_ms / 1000, (long) (first_ms % 1000) * 1000000L };
    for (int i = 0; i < count; i++) {
        if (i == 0 ? first_ms > 0 : interval_ms > 0) nanosleep(i == 0 ? &first : &pause, NULL);
        if (i == 0) {
            snprintf(ev, sizeof ev, PREFIX "{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"tok%d \"},"
                "\"logprobs\":null,\"finish_reason\":null}]}\n\n", i);
        } else {
            snprintf(ev, sizeof ev, PREFIX "{\"index\":0,\"delta\":{\"content\":\"tok%d \"},"
                "\"logprobs\":null,\"finish_reason\":null}]}\n\n", i);
        }
        if (chunk(fd, ev)) return -1;
    }
    if (chunk(fd, PREFIX "{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}]}\n\n")) return -1;
    snprintf(ev, sizeof ev, PREFIX "],\"usage\":{\"prompt_tokens\":19,\"completion_tokens\":%d,\"total_tokens\":%d}}\n\n",
        count, count + 19);
    if (chunk(fd, ev)) return -1;
    if (chunk(fd, "data: [DONE]\n\n")) return -1;
    return write_all(fd, "0\r\n\r\n", 5);
}

static int canned(int fd, const char *body, size_t len) {
    char head[256];
    int h = snprintf(head, sizeof head, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        "Content-Length: %zu\r\nx-request-id: req-bench\r\n\r\n", len);
    char *buf = malloc(h + len);
    memcpy(buf, head, h);
    memcpy(buf + h, body, len);
    int r = write_all(fd, buf, h + len);
    free(buf);
    return r;
}

static long content_length(const char *headers) {
    const char *p = headers;
    while ((p = strchr(p, '\n')) != NULL) {
        p++;
        if (strncasecmp(p, "content-length:", 15) == 0) return strtol(p + 15, NULL, 10);
    }
    return 0;
}

static void *connection(void *arg) {
    int fd = (int) (long) arg;
    size_t cap = 1 << 16, have = 0;
    char *buf = malloc(cap);
    for (;;) {
        char *end = NULL;
        while ((end = memmem(buf, have, "\r\n\r\n", 4)) == NULL) {
            if (have == cap) goto done;
            ssize_t r = recv(fd, buf + have, cap - have, 0);
            if (r <= 0) goto done;
            have += r;
        }
        *end = '\0';
        size_t need = (end - buf) + 4 + content_length(buf);
        if (need > cap) goto done;
        while (have < need) {
            ssize_t r = recv(fd, buf + have, cap - have, 0);
            if (r <= 0) goto done;
            have += r;
        }
        char path[256] = "";
        sscanf(buf, "%*s %255s", path);
        int count, interval, first, r, n;
        if (strncmp(path, "/small/", 7) == 0) {
            r = canned(fd, small_body, small_len);
        } else if (strncmp(path, "/large/", 7) == 0) {
            r = canned(fd, large_body, large_len);
        } else if ((n = sscanf(path, "/sse/%d/%d/%d/", &count, &interval, &first)) >= 2) {
            r = stream(fd, count, interval, n == 3 ? first : interval);
        } else {
            static const char nf[] = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
            r = write_all(fd, nf, sizeof nf - 1);
        }
        if (r) goto done;
        memmove(buf, buf + need, have - need);
        have -= need;
    }
done:
    free(buf);
    close(fd);
    return NULL;
}

static int serve(int port) {
    int s = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port) };
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(s, (struct sockaddr *) &a, sizeof a) || listen(s, 4096)) { perror("listen"); return 1; }
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 64 * 1024);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    fprintf(stderr, "mock listening on 127.0.0.1:%d\n", port);
    for (;;) {
        int c = accept(s, NULL, NULL);
        if (c < 0) { if (errno == EINTR) continue; perror("accept"); continue; }
        setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        pthread_t t;
        if (pthread_create(&t, &attr, connection, (void *) (long) c)) close(c);
    }
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

/* Requests on one keep-alive connection, one at a time, for a number of seconds. */
static int load(int port, const char *path, double seconds) {
    int s = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port) };
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(s, (struct sockaddr *) &a, sizeof a)) { perror("connect"); return 1; }
    setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    static const char body[] = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    char req[512];
    int n = snprintf(req, sizeof req, "POST %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        "Content-Length: %zu\r\n\r\n%s", path, sizeof body - 1, body);
    char *buf = malloc(1 << 16);
    long done = 0;
    double start = now(), end = start + seconds;
    while (now() < end) {
        if (write_all(s, req, n)) { perror("send"); return 1; }
        size_t have = 0;
        long need = -1;
        for (;;) {
            ssize_t r = recv(s, buf + have, (1 << 16) - have, 0);
            if (r <= 0) { perror("recv"); return 1; }
            have += r;
            char *e = memmem(buf, have, "\r\n\r\n", 4);
            if (e && need < 0) { *e = '\0'; need = (e - buf) + 4 + content_length(buf); }
            if (need >= 0 && (long) have >= need) break;
        }
        done++;
    }
    double took = now() - start;
    printf("%ld requests in %.2f s: %.0f req/s, %.1f us each\n", done, took, done / took, took * 1e6 / done);
    return 0;
}

int main(int argc, char **argv) {
    signal(SIGPIPE, SIG_IGN);
    if (argc == 5 && strcmp(argv[1], "serve") == 0) {
        small_body = slurp(argv[3], &small_len);
        large_body = slurp(argv[4], &large_len);
        return serve(atoi(argv[2]));
    }
    if (argc == 5 && strcmp(argv[1], "load") == 0) {
        return load(atoi(argv[2]), argv[3], atof(argv[4]));
    }
    fprintf(stderr, "usage: mock serve PORT SMALL.json LARGE.json | mock load PORT PATH SECONDS\n");
    return 2;
}
