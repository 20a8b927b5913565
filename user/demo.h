/* What the demo's producer and consumer agree on: a key, and the layout of the segment. */
#pragma once

#define DEMO_KEY 0x5256 /* "RV" */

enum demo_stage { EMPTY, REQUEST_WRITTEN, REPLY_WRITTEN };

struct demo_page {
	volatile int stage; /* who may read next */
	char request[128];  /* producer -> consumer */
	char reply[128];    /* consumer -> producer */
};
