/** Role names shared by every feature. */
package org.deeprounds.base.security;
