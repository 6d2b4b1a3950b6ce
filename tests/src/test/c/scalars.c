/* Scalars: one echo per DataType so every conversion can be checked at its boundaries. */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>

int sum(int a, int b) { return a + b; }
double doubleSum(double a, double b) { return a + b; }
bool return_opposite(bool input) { return !input; }
void noRet(void) {}

int16_t echo_i16(int16_t v) { return v; }
int32_t echo_i32(int32_t v) { return v; }
int64_t echo_i64(int64_t v) { return v; }
uint8_t echo_u8(uint8_t v) { return v; }
uint32_t echo_u32(uint32_t v) { return v; }
uint64_t echo_u64(uint64_t v) { return v; }
float echo_float(float v) { return v; }
double echo_double(double v) { return v; }
bool echo_bool(bool v) { return v; }
void *echo_pointer(void *p) { return p; }

int is_negative_zero(double v) { return v == 0.0 && signbit(v) ? 1 : 0; }
float float_half(float v) { return v / 2.0f; }

/* Every scalar kind in one signature, to check argument order and widths together. */
double mix_scalars(int16_t a, int32_t b, int64_t c, uint8_t d, uint32_t e, uint64_t f, float g, double h, bool i) {
    return (double)a + (double)b + (double)c + (double)d + (double)e + (double)f + (double)g + h + (i ? 1000.0 : 0.0);
}
