/* A stand-in for a vendor's SDT_* card-reader library (libsdtapi.so), for the tests.
 *
 * It answers like a GA/T 467 reader with the vendors' return codes, and its "card"
 * comes from the environment:
 *   SDT_STANDIN_PORTS  ports with a reader, comma-separated (default "1001"; "" = none)
 *   SDT_STANDIN_CARD   a file of key=value lines (UTF-8); no file = no card on the reader.
 *                      keys: name sex nation birth address id authority start end
 *                      layout (resident | foreign | permit), fail (select | read),
 *                      read_ms (how long ReadBaseMsg takes, as a real reader's ~0.5-1 s)
 *   SDT_STANDIN_LOG    a file to which every OpenPort / ClosePort is appended
 * Like a real reader, a card that has been read answers no further "find" until the
 * port is closed and opened again (the card is left in its selected state).
 * The card file is read with open/read into stack buffers that are zeroed afterwards, so
 * that a memory scan of the calling process finds only what the caller keeps (explicit_bzero:
 * a plain memset of a buffer about to go out of scope is removed by the compiler).
 */
#define _DEFAULT_SOURCE /* explicit_bzero */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { OK = 0x90, FOUND = 0x9f, NO_CARD = 0x80, PORT_FAILED = 0x01, SELECT_FAILED = 0x81,
       READ_FAILED = 0x41, TEXT_BYTES = 256, PHOTO_BYTES = 1024, CARD_FILE_MAX = 4096 };

static int open_port = -1;
static int selected = 0; /* the card was read since the port was opened */

static void log_line(const char *what, int port) {
    const char *path = getenv("SDT_STANDIN_LOG");
    if (path == NULL || *path == '\0') return;
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (fd < 0) return;
    char line[64];
    int n = snprintf(line, sizeof line, "%s %d\n", what, port);
    if (write(fd, line, (size_t)n) != n) { /* nothing to do: the test will notice */ }
    close(fd);
}

static int has_reader(int port) {
    const char *ports = getenv("SDT_STANDIN_PORTS");
    if (ports == NULL) ports = "1001";
    char copy[256];
    snprintf(copy, sizeof copy, "%s", ports);
    for (char *item = strtok(copy, ","); item != NULL; item = strtok(NULL, ","))
        if (atoi(item) == port) return 1;
    return 0;
}

/* The card file's text, NUL-terminated, in `buffer`; 0 when there is no card. */
static int card_text(char *buffer, size_t size) {
    const char *path = getenv("SDT_STANDIN_CARD");
    if (path == NULL || *path == '\0') return 0;
    int fd = open(path, O_RDONLY);
    if (fd < 0) return 0;
    ssize_t n = read(fd, buffer, size - 1);
    close(fd);
    if (n < 0) return 0;
    buffer[n] = '\0';
    return 1;
}

/* The value of `key` in the card text, copied into `out` (empty when absent). */
static void value_of(const char *text, const char *key, char *out, size_t size) {
    size_t key_len = strlen(key);
    out[0] = '\0';
    for (const char *line = text; *line != '\0';) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        if (len > key_len && strncmp(line, key, key_len) == 0 && line[key_len] == '=') {
            size_t value_len = len - key_len - 1;
            if (value_len >= size) value_len = size - 1;
            memcpy(out, line + key_len + 1, value_len);
            out[value_len] = '\0';
            return;
        }
        line += len + (end ? 1 : 0);
    }
}

/* UTF-8 (BMP only) into `chars` UCS-2 little-endian characters at `at`, space-padded. */
static void put_field(unsigned char *record, int at, int chars, const char *utf8) {
    const unsigned char *s = (const unsigned char *)utf8;
    for (int i = 0; i < chars; i++) {
        unsigned code = 0x20;
        if (*s != '\0') {
            if (*s < 0x80) {
                code = *s++;
            } else if ((*s & 0xe0) == 0xc0 && s[1]) {
                code = ((s[0] & 0x1fu) << 6) | (s[1] & 0x3fu);
                s += 2;
            } else if ((*s & 0xf0) == 0xe0 && s[1] && s[2]) {
                code = ((s[0] & 0x0fu) << 12) | ((s[1] & 0x3fu) << 6) | (s[2] & 0x3fu);
                s += 3;
            } else {
                s++;
                code = '?';
            }
        }
        record[2 * (at + i)] = (unsigned char)(code & 0xff);
        record[2 * (at + i) + 1] = (unsigned char)(code >> 8);
    }
}

int SDT_OpenPort(int port) {
    if (!has_reader(port)) return PORT_FAILED;
    open_port = port;
    selected = 0;
    log_line("open", port);
    return OK;
}

int SDT_ClosePort(int port) {
    if (port != open_port) return PORT_FAILED;
    open_port = -1;
    selected = 0;
    log_line("close", port);
    return OK;
}

int SDT_StartFindIDCard(int port, unsigned char *iin, int if_open) {
    (void)if_open;
    if (port != open_port) return PORT_FAILED;
    char text[CARD_FILE_MAX];
    int present = card_text(text, sizeof text);
    explicit_bzero(text, sizeof text);
    if (!present || selected) return NO_CARD;
    memset(iin, 0, 4);
    return FOUND;
}

int SDT_SelectIDCard(int port, unsigned char *sn, int if_open) {
    (void)if_open;
    if (port != open_port) return PORT_FAILED;
    char text[CARD_FILE_MAX], fail[16];
    int present = card_text(text, sizeof text);
    value_of(text, "fail", fail, sizeof fail);
    explicit_bzero(text, sizeof text);
    if (!present || strcmp(fail, "select") == 0) return SELECT_FAILED;
    memset(sn, 0, 8);
    return OK;
}

int SDT_ReadBaseMsg(int port, unsigned char *text_out, unsigned int *text_len,
                    unsigned char *photo, unsigned int *photo_len, int if_open) {
    (void)if_open;
    if (port != open_port) return PORT_FAILED;
    char text[CARD_FILE_MAX], value[512], layout[16];
    if (!card_text(text, sizeof text)) return READ_FAILED;
    value_of(text, "fail", value, sizeof value);
    if (strcmp(value, "read") == 0) {
        explicit_bzero(text, sizeof text);
        return READ_FAILED;
    }
    value_of(text, "layout", layout, sizeof layout);
    value_of(text, "read_ms", value, sizeof value);
    if (value[0] != '\0') usleep((useconds_t)atoi(value) * 1000);
    unsigned char record[TEXT_BYTES];
    explicit_bzero(record, sizeof record);
    /* field, start and width in characters, per layout */
    static const struct { const char *key; int at, chars; } resident[] = {
        {"name", 0, 15}, {"sex", 15, 1}, {"nation", 16, 2}, {"birth", 18, 8},
        {"address", 26, 35}, {"id", 61, 18}, {"authority", 79, 15}, {"start", 94, 8},
        {"end", 102, 8}, {NULL, 0, 0}};
    /* 外国人永久居留身份证 (2017): English name, sex, permit number, nationality, Chinese
       name, validity, birth date, version, authority code, then the type 'I' */
    static const struct { const char *key; int at, chars; } foreign[] = {
        {"name", 0, 60}, {"sex", 60, 1}, {"id", 61, 15}, {"nation", 76, 3},
        {"address", 79, 15}, {"start", 94, 8}, {"end", 102, 8}, {"birth", 110, 8},
        {NULL, 0, 0}};
    int foreign_layout = strcmp(layout, "foreign") == 0;
    for (int i = 0; foreign_layout ? foreign[i].key != NULL : resident[i].key != NULL; i++) {
        const char *key = foreign_layout ? foreign[i].key : resident[i].key;
        value_of(text, key, value, sizeof value);
        put_field(record, foreign_layout ? foreign[i].at : resident[i].at,
                  foreign_layout ? foreign[i].chars : resident[i].chars, value);
    }
    if (foreign_layout) put_field(record, 124, 1, "I");
    else if (strcmp(layout, "permit") == 0) put_field(record, 124, 1, "J"); /* 港澳台居住证 */
    memcpy(text_out, record, TEXT_BYTES);
    *text_len = TEXT_BYTES;
    /* a "photo" that carries the name too: the caller must wipe both buffers */
    memset(photo, 'W', PHOTO_BYTES);
    memcpy(photo + 16, record, 30);
    *photo_len = PHOTO_BYTES;
    selected = 1;
    explicit_bzero(record, sizeof record);
    explicit_bzero(value, sizeof value);
    explicit_bzero(text, sizeof text);
    return OK;
}
