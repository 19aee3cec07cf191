#ifndef RELANCE_CCURL_SHIM_H
#define RELANCE_CCURL_SHIM_H

// curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call.
// Each shim below fixes the argument type of one family of options, so that the
// compiler checks what Swift passes instead of libcurl reading garbage off the stack.
#include <curl/curl.h>

static inline CURLcode relance_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode relance_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode relance_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode relance_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode relance_curl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

typedef size_t (*relance_curl_data_callback)(char *buffer, size_t size, size_t count, void *userdata);
typedef int (*relance_curl_debug_callback)(CURL *handle, curl_infotype type, char *data, size_t size, void *userdata);

static inline CURLcode relance_curl_setopt_data_callback(CURL *handle, CURLoption option, relance_curl_data_callback value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode relance_curl_setopt_debug_callback(CURL *handle, relance_curl_debug_callback value) {
    return curl_easy_setopt(handle, CURLOPT_DEBUGFUNCTION, value);
}

static inline CURLcode relance_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode relance_curl_getinfo_socket(CURL *handle, curl_socket_t *value) {
    return curl_easy_getinfo(handle, CURLINFO_ACTIVESOCKET, value);
}

typedef int (*relance_curl_xferinfo_callback)(void *userdata, curl_off_t download_total, curl_off_t download_now,
                                              curl_off_t upload_total, curl_off_t upload_now);

static inline CURLcode relance_curl_setopt_xferinfo_callback(CURL *handle, relance_curl_xferinfo_callback value) {
    return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, value);
}

// CURL_GLOBAL_ALL is a macro expression Swift does not import.
static inline CURLcode relance_curl_global_init_all(void) {
    return curl_global_init(CURL_GLOBAL_ALL);
}

#endif
